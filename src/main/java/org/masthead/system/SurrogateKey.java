package org.masthead.system;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of what a response shows, one vocabulary for the {@code Surrogate-Key} header, the CDN purge plan and
 * the page cache: a change evicts exactly the responses tagged with the keys it touches.
 *
 * <ul>
 *   <li>{@code article-42} — an article's or page's own page (and every response showing its text)</li>
 *   <li>{@code section-3}, {@code author-7}, {@code tag-peace-talks} — their pages, feeds, and lists showing them</li>
 *   <li>{@code home}, {@code news-feed} (every page with the News Feed), {@code feeds}, {@code sitemaps},
 *   {@code search}</li>
 *   <li>{@code site} — every HTML page: name, navigation and footer</li>
 *   <li>{@code tags} — lists of all tags, which a draft's new tag changes too</li>
 * </ul>
 */
public record SurrogateKey(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z]+(-[a-z0-9]+)*");

    public static final SurrogateKey HOME = new SurrogateKey("home");
    public static final SurrogateKey NEWS_FEED = new SurrogateKey("news-feed");
    public static final SurrogateKey FEEDS = new SurrogateKey("feeds");
    public static final SurrogateKey SITEMAPS = new SurrogateKey("sitemaps");
    public static final SurrogateKey SEARCH = new SurrogateKey("search");
    public static final SurrogateKey SITE = new SurrogateKey("site");
    /** Lists of every tag (the APIs' tag lists), drafts' new tags included. */
    public static final SurrogateKey TAGS = new SurrogateKey("tags");

    public SurrogateKey {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a surrogate key: " + value);
        }
    }

    public static SurrogateKey article(long id) {
        return new SurrogateKey("article-" + id);
    }

    public static SurrogateKey section(long id) {
        return new SurrogateKey("section-" + id);
    }

    public static SurrogateKey author(long id) {
        return new SurrogateKey("author-" + id);
    }

    public static SurrogateKey tag(String slug) {
        return new SurrogateKey("tag-" + slug.toLowerCase(Locale.ROOT));
    }

    /** The keys as the {@code Surrogate-Key} header carries them: space-separated. */
    public static String header(Collection<SurrogateKey> keys) {
        return String.join(" ", keys.stream().map(SurrogateKey::value).distinct().toList());
    }

    /** Keys from a {@code Surrogate-Key} header or a change signal; anything malformed is skipped. */
    public static Set<String> parse(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        return Set.of(java.util.Arrays.stream(header.trim().split("\\s+")).filter(key -> VALID.matcher(key).matches())
                .distinct().toArray(String[]::new));
    }

    @Override
    public String toString() {
        return value;
    }
}
