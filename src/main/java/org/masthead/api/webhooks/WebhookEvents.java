package org.masthead.api.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.masthead.content.ArticleEvent;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;
import org.masthead.content.LiveEntryChanged;
import org.masthead.content.TaxonomyEvent;

/**
 * Ghost's webhook events and which of them a Masthead change fires, in Ghost's order: the status event first
 * ({@code post.published}, {@code post.unpublished}…), then {@code post.edited}, which fires on every update;
 * {@code post.added} on creation; {@code post.deleted} last. Pages fire the same with {@code page.}. A live
 * blog's entry that readers see change fires {@code post.published.edited} (with the entry in the payload).
 */
public final class WebhookEvents {

    private static final List<String> POST_EVENTS = List.of("added", "deleted", "edited", "published",
            "published.edited", "unpublished", "scheduled", "unscheduled", "rescheduled");

    /** Every event a webhook may subscribe to. */
    public static final Set<String> SUPPORTED = supported();

    private WebhookEvents() {
    }

    private static Set<String> supported() {
        List<String> events = new ArrayList<>();
        events.add("site.changed");
        POST_EVENTS.forEach(event -> events.add("post." + event));
        POST_EVENTS.forEach(event -> events.add("page." + event));
        events.addAll(List.of("tag.added", "tag.edited", "tag.deleted"));
        return Set.copyOf(events);
    }

    /** The events an article change fires, without the resource prefix's dot ({@code post.published}…). */
    static List<String> of(ArticleEvent event) {
        String prefix = event.current().kind() == ArticleKind.PAGE ? "page." : "post.";
        boolean wasPublished = event.previous() != null && event.previous().status() == ArticleStatus.PUBLISHED;
        List<String> fired = new ArrayList<>();
        if (event instanceof ArticleEvent.Deleted) {
            if (wasPublished) {
                fired.add(prefix + "unpublished");
            }
            fired.add(prefix + "deleted");
            return fired;
        }
        if (event.previous() == null) {
            fired.add(prefix + "added");
            if (event.current().status() == ArticleStatus.PUBLISHED) {
                fired.add(prefix + "published");
            } else if (event.current().status() == ArticleStatus.SCHEDULED) {
                fired.add(prefix + "scheduled");
            }
            return fired;
        }
        if (event instanceof ArticleEvent.Published) {
            fired.add(prefix + "published");
        } else if (event instanceof ArticleEvent.Unpublished) {
            fired.add(prefix + "unpublished");
        } else if (event instanceof ArticleEvent.Scheduled) {
            fired.add(prefix + "scheduled");
        } else if (event instanceof ArticleEvent.Rescheduled) {
            fired.add(prefix + "rescheduled");
        } else if (event instanceof ArticleEvent.Unscheduled) {
            fired.add(prefix + "unscheduled");
        } else if (event instanceof ArticleEvent.PublishedEdited || event instanceof ArticleEvent.CorrectionAdded) {
            fired.add(prefix + "published.edited");
        }
        fired.add(prefix + "edited");
        return fired;
    }

    /**
     * The events a change to a live entry fires: only a change readers see (a numbered one), which changes the
     * published post and so the site. Whether the post is published is the outbox's to check.
     */
    static List<String> of(LiveEntryChanged event) {
        return event.changeId() == null ? List.of() : List.of("post.published.edited", "site.changed");
    }

    /** What happened to the entry, as readers see it: an approved entry appears to them, as an added one does. */
    static String entryKind(LiveEntryChanged event) {
        return switch (event.kind()) {
            case "deleted" -> "deleted";
            case "edited" -> "edited";
            default -> "added";
        };
    }

    static List<String> of(TaxonomyEvent event) {
        if (event instanceof TaxonomyEvent.TagCreated || event instanceof TaxonomyEvent.TagsCreated) {
            return List.of("tag.added");
        }
        if (event instanceof TaxonomyEvent.TagRenamed || event instanceof TaxonomyEvent.TagEdited) {
            return List.of("tag.edited");
        }
        if (event instanceof TaxonomyEvent.TagDeleted) {
            return List.of("tag.deleted");
        }
        return List.of();
    }
}
