package org.masthead.api.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.masthead.system.NavLink;
import org.masthead.system.Site;
import org.masthead.system.SiteNavigation;
import org.masthead.system.SiteSettings;
import org.springframework.stereotype.Component;

/**
 * The site's settings as Ghost's Content API returns them: title, description, language, logo, navigation
 * (the sections) and secondary navigation (the static pages), with Ghost's membership and portal settings set
 * to "no memberships" until Masthead has them.
 */
@Component
public class SiteSettingsJson {

    private final SiteSettings settings;
    private final SiteNavigation navigation;

    SiteSettingsJson(SiteSettings settings, SiteNavigation navigation) {
        this.settings = settings;
        this.navigation = navigation;
    }

    public Map<String, Object> settings() {
        Site site = settings.current();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", site.name());
        json.put("description", site.tagline());
        json.put("logo", site.logoUrl() == null ? null : site.absolute(site.logoUrl()));
        json.put("icon", null);
        json.put("accent_color", null);
        json.put("cover_image", null);
        json.put("facebook", null);
        json.put("twitter", null);
        json.put("lang", site.language());
        json.put("locale", site.language());
        json.put("timezone", site.timeZone().getId());
        json.put("codeinjection_head", null);
        json.put("codeinjection_foot", null);
        json.put("navigation", links(site, navigation.links()));
        json.put("secondary_navigation", links(site, navigation.footerLinks()));
        json.put("meta_title", null);
        json.put("meta_description", null);
        json.put("og_image", null);
        json.put("og_title", null);
        json.put("og_description", null);
        json.put("twitter_image", null);
        json.put("twitter_title", null);
        json.put("twitter_description", null);
        json.put("members_support_address", "noreply");
        json.put("members_enabled", false);
        json.put("members_invite_only", false);
        json.put("members_signup_access", "none");
        json.put("paid_members_enabled", false);
        json.put("firstpromoter_account", null);
        json.put("portal_button_style", "icon-and-text");
        json.put("portal_button_signup_text", "Subscribe");
        json.put("portal_button_icon", null);
        json.put("portal_signup_terms_html", null);
        json.put("portal_signup_checkbox_required", false);
        json.put("portal_plans", List.of("free"));
        json.put("portal_default_plan", "yearly");
        json.put("portal_name", false);
        json.put("portal_button", false);
        json.put("comments_enabled", "off");
        json.put("recommendations_enabled", false);
        json.put("outbound_link_tagging", false);
        json.put("default_email_address", null);
        json.put("support_email_address", null);
        json.put("editor_default_email_recipients", "disabled");
        json.put("url", site.base() + "/");
        json.put("version", org.masthead.api.GhostApi.VERSION);
        return json;
    }

    private static List<Map<String, String>> links(Site site, List<NavLink> links) {
        return links.stream().map(link -> Map.of("label", link.label(), "url", site.absolute(link.url()))).toList();
    }
}
