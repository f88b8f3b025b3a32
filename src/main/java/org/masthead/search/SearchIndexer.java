package org.masthead.search;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.masthead.content.ArticleEvent;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleSnapshot;
import org.masthead.content.TaxonomyEvent;
import org.masthead.system.ChangeSignals;
import org.masthead.system.SurrogateKey;
import org.masthead.system.SurrogateKeysStale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with what is published. A durable listener: each content change is recorded with
 * the change, indexed once after it commits, and indexed again after a crash if it had not finished. Indexing an
 * article copies its current state from content's view of searchable articles (or removes it when it is no longer
 * published), so running twice, late or out of order always ends in the same index.
 *
 * <p>Search results and the "Read more" lists ranked from the index are stale only once the index has changed, so
 * they are evicted here, with the index update, rather than when the content change commits.
 */
@Component
class SearchIndexer {

    /** Weighted: headline (A) > standfirst and tags (B) > body and caption (C) > bylines and section (D). */
    private static final String DOCUMENT = """
            select a.id, a.language, a.section_id, a.author_ids, a.published_at,
                   setweight(to_tsvector(article_search_config(a.language), coalesce(a.headline, '')), 'A')
                   || setweight(to_tsvector(article_search_config(a.language), coalesce(a.standfirst, '')), 'B')
                   || setweight(to_tsvector(article_search_config(a.language), a.tag_names), 'B')
                   || setweight(to_tsvector(article_search_config(a.language), coalesce(a.body_text, '') || ' '
                                            || coalesce(a.lead_image_caption, '')), 'C')
                   || setweight(to_tsvector('simple', a.author_names), 'D')
                   || setweight(to_tsvector('simple', coalesce(a.section_name, '')), 'D') as vector,
                   now() as indexed_at, search_period(a.published_at) as period
            from content_searchable_article a
            """;

    private final JdbcClient jdbc;
    private final ChangeSignals signals;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Words this node has stored in search_term (a cache: a word forgotten is only sent again, and ignored). */
    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> knownWords =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(200_000).build();

    SearchIndexer(JdbcClient jdbc, ChangeSignals signals, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.signals = signals;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void articleChanged(ArticleEvent event) {
        if (event.current().kind() == ArticleKind.ARTICLE && event.touchesReaders()) {
            sync(List.of(event.articleId()), true);
            Set<SurrogateKey> stale = new LinkedHashSet<>(List.of(SurrogateKey.SEARCH, SurrogateKey.article(event.articleId())));
            for (ArticleSnapshot snapshot : event.previous() == null ? List.of(event.current())
                    : List.of(event.current(), event.previous())) {
                if (snapshot.sectionId() != null) {
                    stale.add(SurrogateKey.section(snapshot.sectionId()));
                }
                snapshot.tagSlugs().forEach(slug -> stale.add(SurrogateKey.tag(slug)));
            }
            indexChanged(stale);
        }
    }

    /** A batch from an archive: indexed in one statement, one signal for the whole batch. */
    @ApplicationModuleListener
    void articlesImported(org.masthead.content.ArticlesImported event) {
        sync(event.articleIds(), true);
        indexChanged(Set.of(SurrogateKey.SEARCH));
    }

    @ApplicationModuleListener
    void taxonomyChanged(TaxonomyEvent event) {
        if (event instanceof TaxonomyEvent.SectionRenamed renamed) {
            syncWhere("a.section_id = :owner", renamed.section().id());
        } else if (event instanceof TaxonomyEvent.AuthorRenamed renamed) {
            syncWhere("a.id in (select article_id from content_published_byline where author_id = :owner)", renamed.author().id());
        } else if (event instanceof TaxonomyEvent.TagRenamed renamed) {
            syncWhere("a.id in (select article_id from content_published_tagging where tag_id = :owner)", renamed.tag().id());
        } else if (event instanceof TaxonomyEvent.TagDeleted deleted) {
            sync(deleted.articleIds(), false);
        } else {
            return;
        }
        indexChanged(Set.of(SurrogateKey.SEARCH));
    }

    /** Every node evicts what the new index changes, when this transaction commits; the CDN hears it too. */
    private void indexChanged(Set<SurrogateKey> stale) {
        signals.evict(stale);
        events.publishEvent(new SurrogateKeysStale(UUID.randomUUID(), stale, "search index updated", clock.instant()));
    }

    /**
     * Brings these articles' documents to their current state: indexed while published, gone otherwise.
     *
     * @param withWords whether their text may have changed (not for a deleted tag, whose stories lost only a name)
     */
    void sync(List<Long> articleIds, boolean withWords) {
        if (articleIds.isEmpty()) {
            return;
        }
        Long[] ids = articleIds.toArray(Long[]::new);
        upsert("a.id = any(:ids)", "ids", ids);
        if (withWords) {
            collectWords(ids);
        }
        jdbc.sql("""
                delete from search_document d where d.article_id = any(:ids)
                and not exists (select 1 from content_searchable_article a where a.id = d.article_id)
                """).param("ids", ids).update();
    }

    /** A renamed section, author or tag: the documents' names change, the words of the stories do not. */
    private void syncWhere(String condition, long owner) {
        upsert(condition, "owner", owner);
    }

    private void upsert(String condition, String name, Object value) {
        jdbc.sql("insert into search_document (article_id, language, section_id, author_ids, published_at, vector, indexed_at, period) "
                + DOCUMENT + " where " + condition + """

                on conflict (article_id) do update set language = excluded.language, section_id = excluded.section_id,
                    author_ids = excluded.author_ids, published_at = excluded.published_at, vector = excluded.vector,
                    indexed_at = excluded.indexed_at, period = excluded.period
                """).param(name, value).update();
    }

    /**
     * Did-you-mean candidates: the words of these stories as written (not stemmed), kept once. They are split out
     * here, not by PostgreSQL, and only words this node has not stored before are sent: an archive's import repeats
     * the same few thousand words in every batch, and the database is the busier of the two.
     */
    private void collectWords(Long[] ids) {
        Set<String> fresh = new java.util.TreeSet<>(); // sorted: concurrent inserts take their locks in one order
        jdbc.sql("""
                select concat_ws(' ', a.headline, a.standfirst, a.body_text, a.lead_image_caption)
                from content_searchable_article a where a.id = any(:ids)
                """).param("ids", ids).query((java.sql.ResultSet rs) -> {
                    SearchWords.of(rs.getString(1)).filter(word -> knownWords.getIfPresent(word) == null).forEach(fresh::add);
                });
        if (!fresh.isEmpty()) {
            jdbc.sql("insert into search_term (word) select unnest(cast(:words as text[])) on conflict do nothing")
                    .param("words", fresh.toArray(String[]::new)).update();
            // remembered once committed: a rolled-back batch's words are sent again with its retry
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            fresh.forEach(word -> knownWords.put(word, Boolean.TRUE));
                        }
                    });
        }
    }
}
