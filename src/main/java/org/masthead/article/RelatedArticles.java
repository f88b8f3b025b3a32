package org.masthead.article;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.masthead.media.Media;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Read more" under an article: up to four published articles on the same story. Candidates are the newest
 * articles sharing a tag (from the per-tag index) and the newest of the same section; they score by shared tags,
 * same section and how well their text matches this headline, most recent first among equals. Bounded work per
 * article whatever the archive's size, and cached.
 */
@Component
public class RelatedArticles {

    public static final int COUNT = 4;

    /** A related story as the "Read more" list shows it. */
    public record Related(long id, String slug, String headline, String sectionName, java.time.Instant publishedAt,
                          String imageUrl) {

        public String url() {
            return ArticleView.urlOf(slug);
        }
    }

    private final JdbcClient jdbc;
    private final LoadingCache<Long, List<Related>> cache;
    private final io.micrometer.core.instrument.Timer timer;

    RelatedArticles(JdbcClient jdbc, io.micrometer.core.instrument.MeterRegistry meters) {
        this.jdbc = jdbc;
        this.timer = io.micrometer.core.instrument.Timer.builder("masthead.related")
                .description("Related-articles query (cache misses)").publishPercentiles(0.5, 0.95).register(meters);
        this.cache = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(5))
                .build(id -> timer.record(() -> query(id)));
    }

    public List<Related> of(long articleId) {
        return cache.get(articleId);
    }

    @EventListener(org.masthead.system.ContentChanged.class)
    void storiesChanged() {
        cache.invalidateAll(); // a new or withdrawn story can change any article's list
    }

    List<Related> query(long articleId) {
        return jdbc.sql("""
                with me as (select id, section_id, headline, language from article where id = :id),
                my_tags as (select tag_id from article_tag where article_id = :id),
                candidates as (
                    select x.article_id as id from my_tags t cross join lateral (
                        select article_id from article_tag
                        where tag_id = t.tag_id and published_at is not null
                        order by published_at desc limit 50) x
                    union
                    select y.id from me cross join lateral (
                        select a.id from article a
                        where a.section_id = me.section_id and a.status = 'published'
                        order by a.published_at desc, a.id desc limit 50) y
                )
                select a.id, a.slug, a.headline, a.published_at, s.name as section_name, m.file_name,
                       (select count(*) from article_tag at where at.article_id = a.id
                            and at.tag_id in (select tag_id from my_tags)) * 3
                       + case when a.section_id = me.section_id then 1 else 0 end
                       + ts_rank(a.search_vector, plainto_tsquery(article_search_config(me.language), me.headline)) * 10
                         as score
                from candidates c join article a on a.id = c.id join section s on s.id = a.section_id
                left join media m on m.id = a.lead_image_id, me
                where a.id <> me.id and a.status = 'published'
                order by score desc, a.published_at desc, a.id desc
                limit :count
                """).param("id", articleId).param("count", COUNT).query((rs, row) -> new Related(rs.getLong("id"),
                rs.getString("slug"), rs.getString("headline"), rs.getString("section_name"),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getString("file_name") == null ? null : Media.url(rs.getString("file_name")))).list();
    }
}
