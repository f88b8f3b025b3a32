package org.masthead.newsfeed;

import org.masthead.article.ArticlePublished;
import org.masthead.article.ArticleUnpublished;
import org.masthead.article.ArticleUpdated;
import org.masthead.system.ChangeSignals;
import org.masthead.system.ContentChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records every publish and unpublish as a numbered news feed event, in the same transaction as the change, and
 * signals all nodes; once committed, this node's caches are dropped at once (the others on the signal).
 */
@Component
class FeedSignals {

    static final String FEED_PREFIX = "feed:";

    private final JdbcClient jdbc;
    private final ChangeSignals signals;
    private final ApplicationEventPublisher events;

    FeedSignals(JdbcClient jdbc, ChangeSignals signals, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.signals = signals;
        this.events = events;
    }

    @EventListener
    void published(ArticlePublished event) {
        record(event.articleId(), "published");
    }

    @EventListener
    void unpublished(ArticleUnpublished event) {
        record(event.articleId(), "unpublished");
    }

    @EventListener
    void updated(ArticleUpdated event) {
        signals.send("changed");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true,
            classes = {ArticlePublished.class, ArticleUnpublished.class, ArticleUpdated.class})
    void committed() {
        events.publishEvent(new ContentChanged());
    }

    private void record(long articleId, String kind) {
        long id = jdbc.sql("insert into feed_event (article_id, kind) values (?, ?) returning id")
                .params(articleId, kind).query(Long.class).single();
        signals.send(FEED_PREFIX + id);
    }
}
