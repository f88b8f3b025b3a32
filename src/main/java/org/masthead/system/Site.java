package org.masthead.system;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who publishes the site, as every page shows it.
 *
 * @param name     publication name, in the header and titles
 * @param tagline  one line under the name
 * @param language default language of pages (BCP 47)
 * @param url      public base URL, for canonical links
 * @param timeZone where the newsroom is: dates and times are shown in it
 */
@ConfigurationProperties("masthead.site")
public record Site(@DefaultValue("The Masthead Daily") String name,
                   @DefaultValue("Independent news, every hour") String tagline,
                   @DefaultValue("en") String language,
                   @DefaultValue("http://localhost:8080") String url,
                   @DefaultValue("UTC") ZoneId timeZone) {

    private static final String[] AP_MONTHS = {"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
            "Sept.", "Oct.", "Nov.", "Dec."};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

    public String title(String pageTitle) {
        return pageTitle == null || pageTitle.isBlank() ? name : pageTitle + " | " + name;
    }

    /** Machine-readable timestamp for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(timeZone));
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
