/**
 * Ghost-compatible APIs, so the ecosystem of Ghost clients, front ends and automations works against Masthead
 * unchanged: the Content API ({@code /ghost/api/content/}, read-only, published content, a key per integration),
 * the Admin API ({@code /ghost/api/admin/}, short-lived JWTs signed with an integration's secret, every write
 * through content's one write path with the integration as actor), NQL filters compiled to parameterised SQL,
 * signed webhooks delivered durably from an outbox, and the newsroom pages where Administrators manage
 * integrations, webhooks and their delivery logs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ghost API and webhooks",
        allowedDependencies = {"content", "body", "media", "identity", "system", "text", "archive", "archive::source"})
package org.masthead.api;
