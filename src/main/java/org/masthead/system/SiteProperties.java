package org.masthead.system;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the site presents itself until an Administrator changes it in the newsroom's settings.
 *
 * @param url public base URL, for canonical links, feeds, sitemaps and structured data (not editable online:
 *            it is part of the deployment)
 */
@ConfigurationProperties("masthead.site")
public record SiteProperties(@DefaultValue("The Masthead Daily") String name,
                             @DefaultValue("Independent news, every hour") String tagline,
                             @DefaultValue("en") String language,
                             @DefaultValue("http://localhost:8080") String url,
                             @DefaultValue("UTC") ZoneId timeZone) {
}
