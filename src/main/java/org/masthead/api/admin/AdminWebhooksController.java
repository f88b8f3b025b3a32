package org.masthead.api.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.api.GhostEndpoint;
import org.masthead.api.GhostError;
import org.masthead.api.ghost.GhostDates;
import org.masthead.api.integrations.Integration;
import org.masthead.api.webhooks.Webhooks;
import org.masthead.content.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Ghost's Admin API for webhooks: an integration adds, edits and deletes its own (there is no browse, as in
 * Ghost). Payloads carry drafts, so only an integration that may see every article (Reporter or above) may
 * subscribe.
 */
@RestController
@RequestMapping("/ghost/api/admin")
class AdminWebhooksController {

    private final Webhooks webhooks;

    AdminWebhooksController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping({"/webhooks", "/webhooks/"})
    @GhostEndpoint(docName = "webhooks", method = "add")
    ResponseEntity<Map<String, Object>> add(@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        Integration integration = subscriber(request);
        PostInput input = PostInput.from(body, "webhooks");
        requireOwnIntegration(input, integration);
        Webhooks.Webhook created = webhooks.create(integration.id(), fields(input, null));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("webhooks", List.of(json(created, integration))));
    }

    @PutMapping({"/webhooks/{id}", "/webhooks/{id}/"})
    @GhostEndpoint(docName = "webhooks", method = "edit")
    Map<String, Object> edit(@PathVariable String id, @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        Integration integration = subscriber(request);
        Webhooks.Webhook current = own(id, integration);
        PostInput input = PostInput.from(body, "webhooks");
        requireOwnIntegration(input, integration);
        Webhooks.Webhook updated = webhooks.update(current.id(), fields(input, current));
        return Map.of("webhooks", List.of(json(updated, integration)));
    }

    @DeleteMapping({"/webhooks/{id}", "/webhooks/{id}/"})
    @GhostEndpoint(docName = "webhooks", method = "destroy")
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request) {
        Integration integration = subscriber(request);
        webhooks.delete(own(id, integration).id());
        return ResponseEntity.noContent().build();
    }

    private static void requireOwnIntegration(PostInput input, Integration integration) {
        if (input.has("integration_id") && !input.text("integration_id").isEmpty()
                && !input.text("integration_id").equals(integration.publicId())) {
            throw GhostError.validation("integration_id", "An integration registers webhooks for itself only.");
        }
    }

    private static Integration subscriber(HttpServletRequest request) {
        Integration integration = AdminPostsController.caller(request);
        if (!integration.role().includes(Actor.Role.REPORTER)) {
            throw GhostError.noPermission("This integration may only write drafts; webhooks (which carry every draft) "
                    + "need an integration that may publish.");
        }
        return integration;
    }

    private Webhooks.Webhook own(String publicId, Integration integration) {
        return webhooks.findByPublicId(AdminPostsController.validId(publicId))
                .filter(webhook -> webhook.integrationId() == integration.id())
                .orElseThrow(() -> GhostError.notFound("Webhook not found."));
    }

    private static Webhooks.Fields fields(PostInput input, Webhooks.Webhook current) {
        return new Webhooks.Fields(pick(input, "event", current == null ? null : current.event()),
                pick(input, "target_url", current == null ? null : current.targetUrl()),
                pick(input, "name", current == null ? "" : current.name()),
                pick(input, "secret", current == null ? "" : current.secret()),
                pick(input, "api_version", current == null ? "v6" : current.apiVersion()));
    }

    private static String pick(PostInput input, String field, String otherwise) {
        return input.has(field) ? input.text(field) : otherwise;
    }

    static Map<String, Object> json(Webhooks.Webhook webhook, Integration integration) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", webhook.publicId());
        json.put("event", webhook.event());
        json.put("target_url", webhook.targetUrl());
        json.put("name", webhook.name().isEmpty() ? null : webhook.name());
        json.put("secret", webhook.secret().isEmpty() ? null : webhook.secret());
        json.put("api_version", webhook.apiVersion());
        json.put("integration_id", integration.publicId());
        json.put("status", webhook.active() ? "available" : "error");
        json.put("last_triggered_at", GhostDates.ADMIN.format(webhook.lastTriggeredAt()));
        json.put("last_triggered_status", webhook.lastTriggeredStatus());
        json.put("last_triggered_error", webhook.lastTriggeredError());
        json.put("created_at", GhostDates.ADMIN.format(webhook.createdAt()));
        json.put("updated_at", GhostDates.ADMIN.format(webhook.updatedAt()));
        return json;
    }
}
