package org.masthead.search;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.masthead.content.ArticleView;
import org.masthead.media.MediaUrls;
import org.masthead.system.ContentChanged;
import org.masthead.system.SurrogateKey;
import org.masthead.system.TaggedCache;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Read more" under an article: up to four published articles on the same story. Candidates are the newest
 * articles sharing a tag (from the per-tag index) and the newest of the same section; they score by shared tags,
 * same section and how well their text matches this headline in the search index, most recent first among equals.
 * Bounded work per article whatever the archive's size, and cached until a change touches the article's section
 * or tags.
 */
@Component
public class RelatedArticles {

    public static final int COUNT = 4;

    /**
     * A related story as the "Read more" list shows it.
     *
     * @param imageSrcset     every stored size of the lead image ({@code "/media/a.jpg 160w, …"}), so a thumbnail
     *                        loads a thumbnail; empty without an image
     * @param imageWebpSrcset its WebP copies the same way; empty without
     */
    public record Related(long id, String slug, String headline, String sectionName, Instant publishedAt,
                          String imageUrl, String imageSrcset, String imageWebpSrcset) {

        public String url() {
            return ArticleView.urlOf(slug);
        }
    }

    /** The view's variants ("width file_name") as a srcset, the original last when given. */
    private String srcset(String fileName, Integer width, java.sql.Array variants) throws java.sql.SQLException {
        if (fileName == null) {
            return "";
        }
        List<String> sources = new java.util.ArrayList<>();
        for (String variant : variants == null ? new String[0] : (String[]) variants.getArray()) {
            String[] widthAndFile = variant.split(" ", 2);
            sources.add(media.url(widthAndFile[1]) + " " + widthAndFile[0] + "w");
        }
        if (width != null) {
            sources.add(media.url(fileName) + " " + width + "w");
        }
        return String.join(", ", sources);
    }

    private final JdbcClient jdbc;
    private final MediaUrls media;
    private final TaggedCache<Long, List<Related>> cache = new TaggedCache<>(20_000, Duration.ofMinutes(10));
    private final Timer timer;

    RelatedArticles(JdbcClient jdbc, MediaUrls media, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.media = media;
        this.timer = Timer.builder("masthead.related").description("Related-articles query (cache misses)")
                .publishPercentiles(0.5, 0.95).register(meters);
    }

    public List<Related> of(long articleId) {
        return cache.get(articleId, id -> timer.record(() -> query(id)));
    }

    @EventListener
    void changed(ContentChanged event) {
        cache.evict(event);
    }

    /**
     * The list, tagged with the section and tags whose changes can change it (evicted again when the search index
     * has caught up with a change: candidates are ranked from it).
     */
    TaggedCache.Tagged<List<Related>> query(long articleId) {
        Set<SurrogateKey> keys = new LinkedHashSet<>();
        keys.add(SurrogateKey.article(articleId));
        keys.add(SurrogateKey.SITE); // shows section names
        jdbc.sql("select section_id from content_published_article where id = ?").param(articleId).query(Long.class)
                .optional().ifPresent(section -> keys.add(SurrogateKey.section(section)));
        jdbc.sql("select t.slug from content_published_tagging g join content_tag t on t.id = g.tag_id where g.article_id = ?")
                .param(articleId).query(String.class).list().forEach(slug -> keys.add(SurrogateKey.tag(slug)));
        List<Related> related = jdbc.sql("""
                with me as (select id, section_id, headline, language from content_published_article where id = :id),
                my_tags as (select tag_id from content_published_tagging where article_id = :id),
                candidates as (
                    select x.article_id as id from my_tags t cross join lateral (
                        select article_id from content_published_tagging
                        where tag_id = t.tag_id order by published_at desc limit 50) x
                    union
                    select y.id from me cross join lateral (
                        select a.id from content_published_article a
                        where a.section_id = me.section_id
                        order by a.published_at desc, a.id desc limit 50) y
                )
                select a.id, a.slug, a.headline, a.published_at, a.section_name, p.file_name, p.width, p.variants, p.webp_variants,
                       (select count(*) from content_published_tagging g where g.article_id = a.id
                            and g.tag_id in (select tag_id from my_tags)) * 3
                       + case when a.section_id = me.section_id then 1 else 0 end
                       + coalesce(ts_rank(d.vector, plainto_tsquery(article_search_config(me.language), me.headline)), 0) * 10
                         as score
                from candidates c join content_published_article a on a.id = c.id
                left join search_document d on d.article_id = a.id
                left join media_picture p on p.media_id = a.lead_image_id, me
                where a.id <> me.id
                order by score desc, a.published_at desc, a.id desc
                limit :count
                """).param("id", articleId).param("count", COUNT).query((rs, row) -> new Related(rs.getLong("id"),
                rs.getString("slug"), rs.getString("headline"), rs.getString("section_name"),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getString("file_name") == null ? null : media.url(rs.getString("file_name")),
                srcset(rs.getString("file_name"), rs.getInt("width"), rs.getArray("variants")),
                srcset(rs.getString("file_name"), null, rs.getArray("webp_variants")))).list();
        return new TaggedCache.Tagged<>(related, keys);
    }
}
