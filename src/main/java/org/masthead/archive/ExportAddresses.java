package org.masthead.archive;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.masthead.media.MediaUrls;
import org.masthead.system.Site;

/**
 * Addresses as they must read outside this site: an export is opened somewhere else, where {@code /media/x.jpg}
 * names nothing, so every picture is given by its absolute URL (the importer maps those back to pictures).
 */
final class ExportAddresses {

    /** A site-relative media address in an attribute ("…", '…'), a srcset list (", ") or Markdown's "(…)". */
    private static final Pattern RELATIVE_MEDIA = Pattern.compile("(?<=[\"'(,]|, )" + Pattern.quote(MediaUrls.PATH)
            + "(?=[A-Za-z0-9._-])");

    private final Site site;
    private final MediaUrls urls;

    ExportAddresses(Site site, MediaUrls urls) {
        this.site = site;
        this.urls = urls;
    }

    /** The absolute URL of a stored picture, or null for none. */
    String picture(String fileName) {
        return fileName == null ? null : site.absolute(urls.url(fileName));
    }

    /** HTML or Markdown with this site's relative media addresses made absolute; everything else untouched. */
    String absolute(String text) {
        if (text == null || !text.contains(MediaUrls.PATH)) {
            return text;
        }
        return RELATIVE_MEDIA.matcher(text).replaceAll(Matcher.quoteReplacement(site.base() + MediaUrls.PATH));
    }

    /** One address: relative ones on this site become absolute. */
    String absoluteAddress(String address) {
        return address == null || !address.startsWith("/") || address.startsWith("//") ? address : site.absolute(address);
    }
}
