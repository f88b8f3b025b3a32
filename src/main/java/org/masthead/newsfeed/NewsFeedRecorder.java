package org.masthead.newsfeed;

import org.masthead.content.ArticleEvent;
import org.masthead.content.ArticleKind;
import org.masthead.system.ChangeSignals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Numbers every publish and withdrawal as a News Feed event and signals all nodes, whose open streams then send it.
 * A durable listener: recorded with the change, run after it commits, re-run after a crash — and written once per
 * content event however often it runs, so readers never see a story announced twice.
 */
@Component
class NewsFeedRecorder {

    static final String FEED_PREFIX = "feed:";

    private final JdbcClient jdbc;
    private final ChangeSignals signals;

    NewsFeedRecorder(JdbcClient jdbc, ChangeSignals signals) {
        this.jdbc = jdbc;
        this.signals = signals;
    }

    @ApplicationModuleListener
    void on(ArticleEvent event) {
        if (event.current().kind() != ArticleKind.ARTICLE || event.imported()) {
            return; // pages are not news; an archive coming in is not breaking news
        }
        boolean wasPublic = event.previous() != null && event.previous().isPublic();
        boolean isPublic = event.current().isPublic() && !(event instanceof ArticleEvent.Deleted);
        if (isPublic && !wasPublic) {
            record(event, "published");
        } else if (wasPublic && !isPublic) {
            record(event, "unpublished");
        }
    }

    private void record(ArticleEvent event, String kind) {
        jdbc.sql("""
                insert into feed_event (article_id, kind, source_event_id) values (?, ?, ?)
                on conflict (source_event_id) do nothing returning id
                """).params(event.articleId(), kind, event.eventId()).query(Long.class).optional()
                .ifPresent(id -> signals.send(FEED_PREFIX + id));
    }
}
