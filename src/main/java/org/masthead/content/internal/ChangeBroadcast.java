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

    @EventListener
    void taxonomyChanged(TaxonomyEvent event) {
        signals.evict(ContentKeys.of(event));
    }
}
