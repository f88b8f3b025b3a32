package org.masthead.api.integrations;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.api.webhooks.WebhookEvents;
import org.masthead.api.webhooks.Webhooks;
import org.masthead.content.Actor;
import org.masthead.system.AdminContext;
import org.masthead.system.NotFoundException;
import org.masthead.system.Pages;
import org.masthead.system.SiteSettings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where Administrators manage integrations (the URL rule in security keeps everyone else out): create one with
 * a role, read its keys, regenerate or revoke them, and register its webhooks and read their delivery log.
 */
@Controller
class IntegrationsController {

    private static final int LOG_PAGE = 50;

    private final Integrations integrations;
    private final Webhooks webhooks;
    private final AdminContext admin;
    private final SiteSettings site;

    IntegrationsController(Integrations integrations, Webhooks webhooks, AdminContext admin, SiteSettings site) {
        this.integrations = integrations;
        this.webhooks = webhooks;
        this.admin = admin;
        this.site = site;
    }

    @GetMapping("/admin/integrations")
    ModelAndView list(HttpServletRequest request, @RequestParam(required = false) String done) {
        return listPage(request, null, done == null ? null : "Integration removed; its keys no longer work.");
    }

    @PostMapping("/admin/integrations")
    ModelAndView create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                        @RequestParam(defaultValue = "CONTRIBUTOR") String role, HttpServletRequest request) {
        try {
            Integration created = integrations.create(name, description, role(role), admin.staffId());
            return new ModelAndView("redirect:/admin/integrations/" + created.id() + "?created");
        } catch (IllegalArgumentException e) {
            ModelAndView page = listPage(request, e.getMessage(), null);
            page.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
            return page;
        }
    }

    @GetMapping("/admin/integrations/{id}")
    ModelAndView show(@PathVariable long id, HttpServletRequest request, @RequestParam(required = false) String created,
                      @RequestParam(required = false) String saved) {
        String notice = created != null ? "Integration created. Give its keys to the app that will use them."
                : saved != null ? "Saved." : null;
        return detail(request, find(id), null, notice);
    }

    @PostMapping("/admin/integrations/{id}")
    ModelAndView update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = "") String description,
                        @RequestParam(defaultValue = "CONTRIBUTOR") String role, HttpServletRequest request) {
        Integration integration = find(id);
        try {
            integrations.update(id, name, description, role(role));
            return saved(id);
        } catch (IllegalArgumentException e) {
            return refused(request, integration, e.getMessage());
        }
    }

    @PostMapping("/admin/integrations/{id}/content-key")
    ModelAndView regenerateContentKey(@PathVariable long id) {
        find(id);
        integrations.regenerateContentKey(id);
        return saved(id);
    }

    @PostMapping("/admin/integrations/{id}/admin-key")
    ModelAndView regenerateAdminKey(@PathVariable long id) {
        find(id);
        integrations.regenerateAdminKey(id);
        return saved(id);
    }

    @PostMapping("/admin/integrations/{id}/delete")
    ModelAndView delete(@PathVariable long id) {
        find(id);
        integrations.delete(id);
        return new ModelAndView("redirect:/admin/integrations?done");
    }

    @PostMapping("/admin/integrations/{id}/webhooks")
    ModelAndView addWebhook(@PathVariable long id, @RequestParam(defaultValue = "") String event,
                            @RequestParam(defaultValue = "") String targetUrl, @RequestParam(defaultValue = "") String name,
                            @RequestParam(defaultValue = "") String secret, HttpServletRequest request) {
        Integration integration = find(id);
        try {
            webhooks.create(id, new Webhooks.Fields(event, targetUrl, name, secret, "v6"));
            return saved(id);
        } catch (IllegalArgumentException e) {
            return refused(request, integration, e.getMessage());
        }
    }

    @PostMapping("/admin/integrations/{id}/webhooks/{webhookId}/active")
    ModelAndView switchWebhook(@PathVariable long id, @PathVariable long webhookId, @RequestParam boolean active) {
        webhook(find(id), webhookId);
        webhooks.setActive(webhookId, active);
        return saved(id);
    }

    @PostMapping("/admin/integrations/{id}/webhooks/{webhookId}/delete")
    ModelAndView deleteWebhook(@PathVariable long id, @PathVariable long webhookId) {
        webhook(find(id), webhookId);
        webhooks.delete(webhookId);
        return saved(id);
    }

    @GetMapping("/admin/integrations/{id}/webhooks/{webhookId}")
    ModelAndView deliveries(@PathVariable long id, @PathVariable long webhookId, @RequestParam(required = false) Long before,
                            @RequestParam(required = false) String resent, HttpServletRequest request) {
        Integration integration = find(id);
        Webhooks.Webhook webhook = webhook(integration, webhookId);
        List<Webhooks.Delivery> page = webhooks.deliveries(webhookId, before, LOG_PAGE + 1);
        Long next = page.size() > LOG_PAGE ? page.get(LOG_PAGE - 1).id() : null;
        return Pages.view("api/webhook", new IntegrationPages.DeliveriesPage(
                admin.frame(request, "Deliveries · " + webhook.event(), "integrations"), integration, webhook,
                page.subList(0, Math.min(page.size(), LOG_PAGE)), next,
                resent == null ? null : "Sent again: the new delivery is at the top of the log."));
    }

    @PostMapping("/admin/integrations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/resend")
    ModelAndView resend(@PathVariable long id, @PathVariable long webhookId, @PathVariable long deliveryId) {
        webhook(find(id), webhookId);
        Webhooks.Delivery delivery = webhooks.delivery(deliveryId).filter(found -> found.webhookId() == webhookId)
                .orElseThrow(() -> new NotFoundException("No delivery " + deliveryId));
        webhooks.resend(delivery.id());
        return new ModelAndView("redirect:/admin/integrations/" + id + "/webhooks/" + webhookId + "?resent");
    }

    private Integration find(long id) {
        return integrations.find(id).orElseThrow(() -> new NotFoundException("No integration " + id));
    }

    private Webhooks.Webhook webhook(Integration integration, long webhookId) {
        return webhooks.find(webhookId).filter(webhook -> webhook.integrationId() == integration.id())
                .orElseThrow(() -> new NotFoundException("No webhook " + webhookId));
    }

    private ModelAndView listPage(HttpServletRequest request, String error, String notice) {
        return Pages.view("api/integrations", new IntegrationPages.ListPage(admin.frame(request, "Integrations", "integrations"),
                integrations.all(), IntegrationPages.RoleChoice.ALL, error, notice));
    }

    private ModelAndView detail(HttpServletRequest request, Integration integration, String error, String notice) {
        return Pages.view("api/integration", new IntegrationPages.DetailPage(
                admin.frame(request, integration.name() + " · Integrations", "integrations"), integration,
                site.current().base(), IntegrationPages.RoleChoice.ALL, webhooks.of(integration.id()),
                WebhookEvents.SUPPORTED.stream().sorted().toList(), error, notice));
    }

    private ModelAndView refused(HttpServletRequest request, Integration integration, String message) {
        ModelAndView page = detail(request, integration, message, null);
        page.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return page;
    }

    private static ModelAndView saved(long id) {
        return new ModelAndView("redirect:/admin/integrations/" + id + "?saved");
    }

    private static Actor.Role role(String value) {
        try {
            return Actor.Role.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null; // refused with a message by Integrations
        }
    }
}
