package org.masthead.system;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Who publishes the site, as every page shows it.
 *
 * @param name     publication name, in the header and titles
 * @param tagline  one line under the name
 * @param language default language of pages (BCP 47)
 * @param url      public base URL, for canonical links
 * @param timeZone where the newsroom is: dates and times are shown in it
 * @param logoUrl  the publisher's logo (site-relative or absolute), for structured data; null when none is set
 * @param publicationName the name Google News lists the site under
 */
public record Site(String name, String tagline, String language, String url, ZoneId timeZone, String logoUrl,
                   String publicationName) {

    private static final String[] AP_MONTHS = {"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
            "Sept.", "Oct.", "Nov.", "Dec."};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    /** The public base URL without a trailing slash. */
    public String base() {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** An absolute URL for a site-relative path. */
    public String absolute(String path) {
        return path == null ? null : path.startsWith("http://") || path.startsWith("https://") ? path : base() + path;
    }

    public String title(String pageTitle) {
        return pageTitle == null || pageTitle.isBlank() ? name : pageTitle + " | " + name;
    }

    /** Machine-readable timestamp for {@code <time datetime>}. */
    public String iso(Instant instant) {
        // whole seconds: HTML's datetime allows at most three fraction digits, and no reader needs more
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .atZone(timeZone));
    }

    /** News style date: "Feb. 20, 2026". */
    public String date(Instant instant) {
        ZonedDateTime at = instant.atZone(timeZone);
        return AP_MONTHS[at.getMonthValue() - 1] + " " + at.getDayOfMonth() + ", " + at.getYear();
    }

    /** "Feb. 20, 2026, 9:45 AM". */
    public String dateTime(Instant instant) {
        return date(instant) + ", " + CLOCK.format(instant.atZone(timeZone));
    }

    /**
     * "Feb. 20, 2026, 9:45 AM UTC": the article's own times name the zone, since readers are anywhere and the
     * newsroom's zone is not theirs ("EET", "GMT", "EST"… where the zone has a common abbreviation).
     */
    public String dateTimeWithZone(Instant instant) {
        return dateTime(instant) + " " + ZONE.format(instant.atZone(timeZone));
    }

    /** "9:45 AM", for the news feed where the day is given by context. */
    public String time(Instant instant) {
        return CLOCK.format(instant.atZone(timeZone));
    }

    /** "Feb. 20", for compact lists. */
    public String shortDate(Instant instant) {
        ZonedDateTime at = instant.atZone(timeZone);
        return AP_MONTHS[at.getMonthValue() - 1] + " " + at.getDayOfMonth();
    }
}
