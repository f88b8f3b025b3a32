package org.masthead.api.webhooks;

/**
 * A change owes webhook calls (already in the outbox): published in the change's transaction, so Spring Modulith's
 * event registry records it with the change and its listener runs after the commit — again after a restart, if
 * the node died before it finished.
 *
 * @param resourceKey what the calls are about ({@code post-42}, {@code tag-7}, {@code site})
 * @param event       Ghost's event name
 */
public record WebhookCallsOwed(String resourceKey, String event) {
}
