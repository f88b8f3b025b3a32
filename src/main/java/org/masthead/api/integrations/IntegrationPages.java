package org.masthead.api.integrations;

import java.util.List;

import org.masthead.api.webhooks.Webhooks;
import org.masthead.content.Actor;
import org.masthead.system.AdminFrame;

/** Page records of the newsroom's integration screens. */
public final class IntegrationPages {

    private IntegrationPages() {
    }

    /** The roles an integration may be given, with what each means to a newsroom. */
    public record RoleChoice(Actor.Role role, String label) {

        public static final List<RoleChoice> ALL = List.of(
                new RoleChoice(Actor.Role.CONTRIBUTOR, "Drafts only: writes drafts, publishes nothing"),
                new RoleChoice(Actor.Role.REPORTER, "Publishes what it wrote"),
                new RoleChoice(Actor.Role.EDITOR, "Publishes and edits anything, manages tags"));

        public static String labelOf(Actor.Role role) {
            return ALL.stream().filter(choice -> choice.role() == role).map(RoleChoice::label).findFirst().orElse(role.name());
        }
    }

    public record ListPage(AdminFrame frame, List<Integration> integrations, List<RoleChoice> roles, String error,
                           String notice) {
    }

    /**
     * @param apiUrl the site's address, as Ghost clients take it ({@code url} without a trailing slash)
     */
    public record DetailPage(AdminFrame frame, Integration integration, String apiUrl, List<RoleChoice> roles,
                             List<Webhooks.Webhook> webhooks, List<String> events, String error, String notice) {
    }

    /** @param before the cursor of the next older page, or null on the last one */
    public record DeliveriesPage(AdminFrame frame, Integration integration, Webhooks.Webhook webhook,
                                 List<Webhooks.Delivery> deliveries, Long before, String notice) {
    }
}
