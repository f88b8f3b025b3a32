package org.masthead.content.internal;

import org.masthead.content.ArticleEvent;
import org.masthead.content.ContentKeys;
import org.masthead.content.TaxonomyEvent;
import org.masthead.system.ChangeSignals;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells every node which cached responses a change makes stale. It runs inside the change's own transaction:
 * PostgreSQL delivers the NOTIFY only when that commits — never before the change is visible, never for a change
 * that rolled back.
 */
@Component
class ChangeBroadcast {

    private final ChangeSignals signals;

    ChangeBroadcast(ChangeSignals signals) {
        this.signals = signals;
    }

    @EventListener
    void articleChanged(ArticleEvent event) {
        signals.evict(ContentKeys.of(event));
    }

    @EventListener
    void articlesImported(org.masthead.content.ArticlesImported event) {
        signals.evict(org.masthead.content.ContentKeys.of(event));
    }

    /**
     * A live entry changes only its live blog's page (and its feeds): one entry must not empty other pages' caches.
     * Starting or ending coverage also changes the LIVE labels on the fronts. Open reader streams on every node hear
     * the numbered change.
     */
    @EventListener
    void liveEntryChanged(org.masthead.content.LiveEntryChanged event) {
        java.util.Set<org.masthead.system.SurrogateKey> keys = new java.util.LinkedHashSet<>();
        keys.add(org.masthead.system.SurrogateKey.article(event.articleId()));
        if ("coverage".equals(event.kind())) {
            keys.add(org.masthead.system.SurrogateKey.HOME);
            keys.add(org.masthead.system.SurrogateKey.NEWS_FEED);
        }
        signals.evict(keys);
        if (event.changeId() != null) {
            signals.send(org.masthead.content.LiveEntryChanged.SIGNAL_PREFIX + event.articleId() + ":" + event.changeId());
        }
    }

    @EventListener
    void taxonomyChanged(TaxonomyEvent event) {
        signals.evict(ContentKeys.of(event));
    }
}
