package org.masthead.api.ghost;

import java.util.HashMap;
import java.util.Map;

import org.masthead.api.nql.FilterField;
import org.masthead.api.nql.FilterField.Column;
import org.masthead.api.nql.FilterField.Related;
import org.masthead.api.nql.ValueType;

/**
 * The fields an NQL filter may name on posts and pages, with Ghost's aliases ({@code tag}, {@code tags},
 * {@code primary_tag}, {@code author}, {@code authors}, {@code primary_author}) and Masthead's {@code section}.
 * Ghost's empty-means-null fields compare as null when empty.
 */
public final class PostFilters {

    private static final String TAGS = "select 1 from content_post_tag x where x.article_id = p.id";
    private static final String PRIMARY_TAG = TAGS + " and x.position = 0 and x.name not like '#%'";
    private static final String AUTHORS = "select 1 from content_post_author x where x.article_id = p.id";
    private static final String PRIMARY_AUTHOR = AUTHORS + " and x.position = 0";

    /**
     * A tag by its row id, for {@link TagFilterIds}: a name no filter can spell (field names start with a letter
     * or an underscore), so clients keep filtering by slug.
     */
    static final String TAG_ID = "#tag_id";

    /** What the Content API may filter on: published posts only, so status and publication time are the public ones. */
    public static final Map<String, FilterField> CONTENT = fields(false);
    /** The Admin API adds drafts and scheduled posts: status in Ghost's words, a scheduled post's time as published_at. */
    public static final Map<String, FilterField> ADMIN = fields(true);

    private PostFilters() {
    }

    private static Map<String, FilterField> fields(boolean admin) {
        Map<String, FilterField> fields = new HashMap<>();
        fields.put("id", new Column("p.public_id", ValueType.TEXT));
        fields.put("uuid", new Column("cast(p.uuid as text)", ValueType.TEXT));
        fields.put("title", new Column("p.headline", ValueType.TEXT));
        fields.put("slug", new Column("p.slug", ValueType.TEXT));
        fields.put("status", new Column(admin
                ? "(case p.status when 'published' then 'published' when 'scheduled' then 'scheduled' else 'draft' end)"
                : "p.status", ValueType.TEXT));
        fields.put("featured", new Column("p.featured", ValueType.BOOLEAN));
        fields.put("visibility", new Column("'public'", ValueType.TEXT));
        fields.put("type", new Column("(case p.kind when 'page' then 'page' else 'post' end)", ValueType.TEXT));
        fields.put("published_at", new Column(admin
                ? "(case when p.status = 'scheduled' then p.scheduled_at else p.published_at end)" : "p.published_at",
                ValueType.TIMESTAMP));
        fields.put("created_at", new Column("p.created_at", ValueType.TIMESTAMP));
        fields.put("updated_at", new Column("p.updated_at", ValueType.TIMESTAMP));
        fields.put("custom_excerpt", new Column("p.standfirst", ValueType.TEXT));
        fields.put("locale", new Column("p.language", ValueType.TEXT));
        // a picture is named by its library id here: only whether there is one (feature_image:null / :-null) is useful
        fields.put("feature_image", new Column("cast(p.lead_image_id as text)", ValueType.TEXT));
        fields.put("feature_image_alt", new Column("p.lead_image_alt", ValueType.TEXT));
        fields.put("feature_image_caption", new Column("p.lead_image_caption", ValueType.TEXT));
        fields.put("feature_image_credit", new Column("p.lead_image_credit", ValueType.TEXT));
        fields.put("og_image", new Column("cast(p.og_image_id as text)", ValueType.TEXT));
        fields.put("twitter_image", new Column("cast(p.twitter_image_id as text)", ValueType.TEXT));
        for (String seo : new String[]{"meta_title", "meta_description", "og_title", "og_description", "twitter_title",
                "twitter_description", "canonical_url"}) {
            fields.put(seo, new Column("nullif(p." + seo + ", '')", ValueType.TEXT));
        }
        fields.put("section", new Column("p.section_slug", ValueType.TEXT));
        fields.put("section.slug", new Column("p.section_slug", ValueType.TEXT));
        fields.put("section.name", new Column("p.section_name", ValueType.TEXT));
        Related tagSlug = new Related(TAGS, "x.slug", ValueType.TEXT);
        fields.put("tag", tagSlug);
        fields.put("tags", tagSlug);
        fields.put("tags.slug", tagSlug);
        fields.put(TAG_ID, new Related(TAGS, "x.tag_id", ValueType.INTEGER));
        fields.put("tags.name", new Related(TAGS, "x.name", ValueType.TEXT));
        fields.put("tags.id", new Related(TAGS, "x.public_id", ValueType.TEXT));
        fields.put("primary_tag", new Related(PRIMARY_TAG, "x.slug", ValueType.TEXT));
        fields.put("primary_tag.slug", new Related(PRIMARY_TAG, "x.slug", ValueType.TEXT));
        Related authorSlug = new Related(AUTHORS, "x.slug", ValueType.TEXT);
        fields.put("author", authorSlug);
        fields.put("authors", authorSlug);
        fields.put("authors.slug", authorSlug);
        fields.put("authors.name", new Related(AUTHORS, "x.name", ValueType.TEXT));
        fields.put("authors.id", new Related(AUTHORS, "x.public_id", ValueType.TEXT));
        fields.put("primary_author", new Related(PRIMARY_AUTHOR, "x.slug", ValueType.TEXT));
        fields.put("primary_author.slug", new Related(PRIMARY_AUTHOR, "x.slug", ValueType.TEXT));
        if (!admin) {
            // the Content API never names a draft's state, and its callers see only public tags
            fields.remove("status");
            fields.put("status", new Column("'published'", ValueType.TEXT));
        }
        return Map.copyOf(fields);
    }
}
