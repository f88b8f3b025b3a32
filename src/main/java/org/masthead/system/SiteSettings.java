package org.masthead.system;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.masthead.text.FieldErrors;
import org.masthead.text.FieldLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The site's identity as Administrators set it (title, description, language, logo, News publication name, time zone),
 * over the defaults from {@link SiteProperties}. Read on every page, so kept in memory for a few seconds; other
 * nodes see a change within that time.
 */
@Component
public class SiteSettings {

    private final JdbcClient jdbc;
    private final SiteProperties defaults;
    private final String url;
    private final LoadingCache<Boolean, Site> current;
    private final ChangeSignals signals;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MediaLinks media;

    SiteSettings(JdbcClient jdbc, SiteProperties defaults, Environment environment, ChangeSignals signals,
                 ApplicationEventPublisher events, Clock clock, MediaLinks media) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.signals = signals;
        this.events = events;
        this.clock = clock;
        this.media = media;
        // masthead.site-url is the documented name; masthead.site.url works too
        this.url = environment.getProperty("masthead.site-url", defaults.url());
        this.current = Caffeine.newBuilder().refreshAfterWrite(Duration.ofSeconds(10)).build(key -> load());
    }

    @org.springframework.context.event.EventListener
    void changedElsewhere(ContentChanged event) {
        if (event.touches(SurrogateKey.SITE)) {
            current.invalidateAll();
        }
    }

    /** The site as last read; when the database cannot be reached before a first read, the configured defaults. */
    public Site current() {
        try {
            return current.get(Boolean.TRUE);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            return defaults();
        }
    }

    private Site defaults() {
        return new Site(defaults.name(), defaults.tagline(), defaults.language(), url, defaults.timeZone(), null,
                defaults.name());
    }

    /**
     * What Administrators can change; blank values fall back to the defaults.
     *
     * @param timeZone a tz database name (Europe/Kyiv); blank for the deployment's masthead.site.time-zone
     */
    public record Editable(String name, String tagline, String language, Long logoMediaId, String publicationName,
                           String timeZone) {

        /** Everything but the time zone, which stays the deployment's. */
        public Editable(String name, String tagline, String language, Long logoMediaId, String publicationName) {
            this(name, tagline, language, logoMediaId, publicationName, "");
        }
    }

    public Editable editable() {
        return jdbc.sql("""
                select name, tagline, language, logo_media_id, publication_name, time_zone from site_settings where id = 1
                """).query((rs, row) -> new Editable(rs.getString("name"), rs.getString("tagline"), rs.getString("language"),
                        rs.getObject("logo_media_id") == null ? null : rs.getLong("logo_media_id"),
                        rs.getString("publication_name"), rs.getString("time_zone")))
                .optional().orElse(new Editable("", "", "", null, "", ""));
    }

    @org.springframework.transaction.annotation.Transactional
    public void save(Editable settings) {
        FieldErrors errors = new FieldErrors();
        String name = errors.line("name", "The site name", settings.name(), FieldLimits.NAME);
        String tagline = errors.line("tagline", "The description", settings.tagline(), FieldLimits.TAGLINE);
        String language = errors.line("language", "The language", settings.language(), 35);
        String publication = errors.line("publicationName", "The Google News name", settings.publicationName(), FieldLimits.NAME);
        if (!language.isEmpty() && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            errors.add("language", "The language must be a code such as en, uk or en-GB.");
        }
        String timeZone = errors.line("timeZone", "The time zone", settings.timeZone(), 64);
        if (!timeZone.isEmpty() && zone(timeZone).isEmpty()) {
            errors.add("timeZone", "The time zone must be a name from the time zone database, such as Europe/Kyiv, "
                    + "America/New_York or UTC.");
        }
        errors.throwIfAny();
        timeZone = timeZone.isEmpty() ? "" : zone(timeZone).orElseThrow().getId();
        settings = new Editable(name, tagline, language, settings.logoMediaId(), publication, timeZone);
        Editable previous = editable();
        jdbc.sql("""
                insert into site_settings (id, name, tagline, language, logo_media_id, publication_name, time_zone)
                values (1, :name, :tagline, :language, :logo, :publication, :zone)
                on conflict (id) do update set name = excluded.name, tagline = excluded.tagline,
                    language = excluded.language, logo_media_id = excluded.logo_media_id,
                    publication_name = excluded.publication_name, time_zone = excluded.time_zone
                """).param("name", strip(settings.name())).param("tagline", strip(settings.tagline()))
                .param("language", strip(settings.language())).param("logo", settings.logoMediaId())
                .param("publication", strip(settings.publicationName())).param("zone", settings.timeZone()).update();
        current.invalidateAll();
        if (!settings.equals(previous)) {
            events.publishEvent(new SiteSettingsChanged(java.util.UUID.randomUUID(), previous, settings, clock.instant()));
            signals.evict(java.util.List.of(SurrogateKey.SITE, SurrogateKey.FEEDS, SurrogateKey.SITEMAPS));
        }
    }

    private Site load() {
        record Stored(String name, String tagline, String language, String publicationName, Long logo, String timeZone) {
        }
        Optional<Stored> stored = jdbc.sql("""
                select name, tagline, language, publication_name, logo_media_id, time_zone from site_settings where id = 1
                """).query((rs, row) -> new Stored(rs.getString("name"), rs.getString("tagline"), rs.getString("language"),
                rs.getString("publication_name"), rs.getObject("logo_media_id", Long.class), rs.getString("time_zone")))
                .optional();
        // the logo's address is looked up after the row is read: a query inside a row mapper holds a second connection
        return stored.map(site -> {
            String name = or(site.name(), defaults.name());
            return new Site(name, or(site.tagline(), defaults.tagline()), or(site.language(), defaults.language()), url,
                    zone(site.timeZone()).orElse(defaults.timeZone()), site.logo() == null ? null : media.pictureUrl(site.logo()).orElse(null),
                    or(site.publicationName(), name));
        }).orElseGet(this::defaults);
    }

    /** The zone a tz database name (or an offset such as +02:00) names; empty for blank or unknown names. */
    private static Optional<java.time.ZoneId> zone(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.ZoneId.of(name.strip()));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
