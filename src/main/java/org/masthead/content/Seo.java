package org.masthead.content;

import org.masthead.text.FieldErrors;
import org.masthead.text.FieldLimits;
import org.masthead.text.PlainText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What search engines and social networks show for an article, where it should differ from the headline,
 * standfirst and lead image. Every field is optional: empty means "use the article's own".
 *
 * @param canonicalUrl where the story first appeared, when it is republished here: search engines credit that
 *                     address (rel=canonical) instead of this site's
 */
public record Seo(String metaTitle, String metaDescription, String ogTitle, String ogDescription, Long ogImageId,
                  String twitterTitle, String twitterDescription, Long twitterImageId, String canonicalUrl) {

    public static final Seo NONE = new Seo("", "", "", "", null, "", "", null, "");
    private static final java.util.regex.Pattern WEB_ADDRESS = java.util.regex.Pattern.compile("(?i)https?://[^\\s/?#]+\\S*");

    /** Without a canonical address of its own. */
    public Seo(String metaTitle, String metaDescription, String ogTitle, String ogDescription, Long ogImageId,
               String twitterTitle, String twitterDescription, Long twitterImageId) {
        this(metaTitle, metaDescription, ogTitle, ogDescription, ogImageId, twitterTitle, twitterDescription, twitterImageId, "");
    }
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Seo {
        metaTitle = PlainText.line(metaTitle);
        metaDescription = PlainText.line(metaDescription);
        ogTitle = PlainText.line(ogTitle);
        ogDescription = PlainText.line(ogDescription);
        twitterTitle = PlainText.line(twitterTitle);
        twitterDescription = PlainText.line(twitterDescription);
        canonicalUrl = PlainText.line(canonicalUrl);
    }

    public Seo withCanonicalUrl(String url) {
        return new Seo(metaTitle, metaDescription, ogTitle, ogDescription, ogImageId, twitterTitle, twitterDescription,
                twitterImageId, url);
    }

    void check(FieldErrors errors) {
        errors.line("metaTitle", "The search title", metaTitle, FieldLimits.SEO_TITLE);
        errors.line("metaDescription", "The search description", metaDescription, FieldLimits.SEO_DESCRIPTION);
        errors.line("ogTitle", "The social title", ogTitle, FieldLimits.SEO_TITLE);
        errors.line("ogDescription", "The social description", ogDescription, FieldLimits.SEO_DESCRIPTION);
        errors.line("twitterTitle", "The X/Twitter title", twitterTitle, FieldLimits.SEO_TITLE);
        errors.line("twitterDescription", "The X/Twitter description", twitterDescription, FieldLimits.SEO_DESCRIPTION);
        errors.line("canonicalUrl", "The canonical address", canonicalUrl, FieldLimits.URL);
        if (!canonicalUrl.isEmpty() && !WEB_ADDRESS.matcher(canonicalUrl).matches()) {
            errors.add("canonicalUrl", "The canonical address must be a web address starting with https:// or http://.");
        }
    }

    /** As a revision keeps it. */
    public String toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("metaTitle", metaTitle).put("metaDescription", metaDescription).put("ogTitle", ogTitle)
                .put("ogDescription", ogDescription).put("twitterTitle", twitterTitle)
                .put("twitterDescription", twitterDescription).put("canonicalUrl", canonicalUrl);
        json.put("ogImageId", ogImageId);
        json.put("twitterImageId", twitterImageId);
        return JSON.writeValueAsString(json);
    }

    public static Seo fromJson(String stored) {
        if (stored == null || stored.isBlank()) {
            return NONE;
        }
        JsonNode json = JSON.readTree(stored);
        return new Seo(json.path("metaTitle").asString(""), json.path("metaDescription").asString(""),
                json.path("ogTitle").asString(""), json.path("ogDescription").asString(""),
                json.path("ogImageId").isNumber() ? json.path("ogImageId").asLong() : null,
                json.path("twitterTitle").asString(""), json.path("twitterDescription").asString(""),
                json.path("twitterImageId").isNumber() ? json.path("twitterImageId").asLong() : null,
                json.path("canonicalUrl").asString(""));
    }
}
