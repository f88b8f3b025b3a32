package org.masthead.api.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.masthead.api.ghost.GhostDates;
import org.masthead.api.ghost.GhostJson;
import org.masthead.api.ghost.PostReader;
import org.masthead.api.ghost.PostRow;
import org.masthead.api.ghost.TagRow;
import org.masthead.api.ghost.TaxonomyReader;
import org.masthead.content.ArticleEvent;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleSnapshot;
import org.masthead.content.ArticleStatus;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntryChanged;
import org.masthead.content.Tag;
import org.masthead.content.TaxonomyEvent;
import org.masthead.system.Site;
import org.masthead.system.SiteSettingsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the webhook calls a change owes, in the change's own transaction (an outbox): the payload is Ghost's —
 * the resource as the Admin API shows it now, and as {@code previous} only the fields that changed, with their
 * old values — so it describes exactly this change even if another follows a moment later, and it exists if and
 * only if the change committed. With the calls it publishes {@link WebhookCallsOwed}, which the event registry
 * records with the change; its durable listener ({@link WebhookDispatch}) has {@link WebhookSender} deliver them
 * after the commit, never on the request thread. Imports fire nothing.
 */
@Component
class WebhookOutbox {

    private final Webhooks webhooks;
    private final PostReader posts;
    private final TaxonomyReader taxonomy;
    private final LiveBlogs liveBlogs;
    private final GhostJson ghost;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    WebhookOutbox(Webhooks webhooks, PostReader posts, TaxonomyReader taxonomy, LiveBlogs liveBlogs, GhostJson ghost,
                  org.springframework.context.ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.webhooks = webhooks;
        this.posts = posts;
        this.taxonomy = taxonomy;
        this.liveBlogs = liveBlogs;
        this.ghost = ghost;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void articleChanged(ArticleEvent event) {
        if (event.imported()) {
            return;
        }
        if (!webhooks.anyActive()) {
            return; // nobody listens: no payload to build, no state to keep
        }
        List<String> fired = new ArrayList<>(WebhookEvents.of(event));
        if (event.touchesReaders()) {
            fired.add("site.changed");
        }
        List<Webhooks.Webhook> listening = webhooks.listeningTo(fired);
        String resource = event.current().kind() == ArticleKind.PAGE ? "page" : "post";
        String key = "post-" + event.articleId();
        Map<String, Object> current = event instanceof ArticleEvent.Deleted ? Map.of() : serialize(event.articleId());
        Map<String, Object> before = lastState(key).orElseGet(() -> fromSnapshot(event.previous()));
        Map<String, Object> previous = event.previous() == null ? Map.of()
                : event instanceof ArticleEvent.Deleted ? before : changed(before, current);
        // kept while any webhook exists, so the next payload's "previous" names exactly what changed since
        remember(key, event instanceof ArticleEvent.Deleted ? null : current);
        for (String name : fired) {
            if (name.equals("site.changed")) {
                owe(listening, name, "site", siteChanged());
            } else {
                owe(listening, name, key, payload(name, resource, current, previous));
            }
        }
    }

    /**
     * An entry of a published live blog changed where readers see it (added, approved, edited or deleted): Ghost's
     * {@code post.published.edited} with the post as for an edit, plus Masthead's {@code live_entry} naming the
     * entry and what happened to it; and {@code site.changed}, since the site shows something new. An entry that
     * waits for an editor, or a live blog that is not published, owes nothing.
     */
    @EventListener
    void liveEntryChanged(LiveEntryChanged event) {
        List<String> fired = WebhookEvents.of(event);
        // an entry leaves the post itself as it was: with nobody listening there is no state to keep
        List<Webhooks.Webhook> listening = fired.isEmpty() ? List.of() : webhooks.listeningTo(fired);
        if (listening.isEmpty()) {
            return;
        }
        Optional<PostRow> published = posts.read(PostReader.Scope.published(ArticleKind.ARTICLE), "id", event.articleId());
        if (published.isEmpty()) {
            return; // readers see none of the blog's entries
        }
        String key = "post-" + event.articleId();
        Map<String, Object> current = serialize(published.get());
        Map<String, Object> previous = lastState(key).map(before -> changed(before, current)).orElse(Map.of());
        remember(key, current);
        Map<String, Object> entry = liveEntry(event);
        for (String name : fired) {
            if (name.equals("site.changed")) {
                owe(listening, name, "site", siteChanged());
            } else {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("current", current);
                change.put("previous", previous);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("post", change);
                body.put("live_entry", entry);
                body.put("event", name);
                owe(listening, name, key, json.writeValueAsString(body));
            }
        }
    }

    /** The entry as the call names it: all of it as readers see it now, or for a deletion its id alone. */
    private Map<String, Object> liveEntry(LiveEntryChanged event) {
        String kind = WebhookEvents.entryKind(event);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", event.entryId());
        entry.put("kind", kind);
        if (kind.equals("deleted")) {
            return entry;
        }
        LiveBlogs.Entry found = liveBlogs.entry(event.entryId()).orElseThrow();
        entry.put("title", found.title().isBlank() ? null : found.title());
        entry.put("html", found.bodyHtml());
        entry.put("published_at", GhostDates.ADMIN.format(found.publishedAt()));
        entry.put("key_event", found.keyEvent());
        entry.put("pinned", found.pinned());
        return entry;
    }

    @EventListener
    void taxonomyChanged(TaxonomyEvent event) {
        List<String> fired = new ArrayList<>(WebhookEvents.of(event));
        boolean tagEvent = !fired.isEmpty();
        if (!(event instanceof TaxonomyEvent.TagCreated || event instanceof TaxonomyEvent.TagsCreated)) {
            fired.add("site.changed"); // a new tag shows nowhere yet; every other change shows on the site
        }
        List<Webhooks.Webhook> listening = webhooks.listeningTo(fired);
        if (listening.isEmpty()) {
            return;
        }
        if (event instanceof TaxonomyEvent.TagsCreated created) {
            for (Tag tag : created.tags()) { // tag.added for each, as if they had come one by one
                owe(listening, "tag.added", "tag-" + tag.id(), payload("tag.added", "tag", tagJson(tag.id()), new LinkedHashMap<>()));
            }
        } else if (tagEvent) {
            Tag tag = tagOf(event);
            Map<String, Object> current = event instanceof TaxonomyEvent.TagDeleted ? Map.of() : tagJson(tag.id());
            Map<String, Object> previous = new LinkedHashMap<>();
            if (event instanceof TaxonomyEvent.TagDeleted) {
                previous.putAll(tagJson(tag));
            } else if (event instanceof TaxonomyEvent.TagRenamed renamed) {
                previous.putAll(changed(tagJson(renamed.previous()), current));
            } else if (event instanceof TaxonomyEvent.TagEdited edited) {
                previous.putAll(changed(tagJson(edited.previous()), current));
            }
            previous.remove("created_at");
            String name = fired.get(0);
            owe(listening, name, "tag-" + tag.id(), payload(name, "tag", current, previous));
        }
        if (fired.contains("site.changed")) {
            owe(listening, "site.changed", "site", siteChanged());
        }
    }

    @EventListener
    void settingsChanged(SiteSettingsChanged event) {
        List<Webhooks.Webhook> listening = webhooks.listeningTo(List.of("site.changed"));
        if (!listening.isEmpty()) {
            owe(listening, "site.changed", "site", siteChanged());
        }
    }

    /** One delivery per webhook listening to the event, due now; the sender is woken once the change commits. */
    private void owe(List<Webhooks.Webhook> listening, String event, String resourceKey, String payload) {
        Instant now = clock.instant();
        boolean owed = false;
        for (Webhooks.Webhook webhook : listening) {
            if (webhook.event().equals(event)) {
                owed = true;
                jdbc.sql("""
                        insert into webhook_delivery (webhook_id, event, resource_key, payload, created_at, status, next_attempt_at)
                        values (?, ?, ?, ?, ?, 'pending', ?)
                        """).params(webhook.id(), event, resourceKey, payload, Webhooks.at(now), Webhooks.at(now)).update();
            }
        }
        if (owed) {
            // recorded by the event registry with this change: its durable listener sends the calls once the change
            // commits, and is run again after a restart if the node died first
            events.publishEvent(new WebhookCallsOwed(resourceKey, event));
        }
    }

    private String payload(String event, String resource, Map<String, Object> current, Map<String, Object> previous) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("current", current);
        change.put("previous", previous);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(resource, change);
        body.put("event", event);
        return json.writeValueAsString(body);
    }

    private String siteChanged() {
        return json.writeValueAsString(Map.of("event", "site.changed"));
    }

    /** The Admin API's post with tags, authors and the html and plaintext formats, as Ghost's webhooks carry it. */
    private Map<String, Object> serialize(long articleId) {
        return serialize(posts.read(PostReader.Scope.all(ArticleKind.ARTICLE, null), "id", articleId)
                .or(() -> posts.read(PostReader.Scope.all(ArticleKind.PAGE, null), "id", articleId))
                .orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> serialize(PostRow row) {
        GhostJson.View view = new GhostJson.View(true, Set.of("tags", "authors"), Set.of("html", "plaintext"), Set.of(),
                ignored -> null);
        Site site = ghost.site();
        return json.convertValue(ghost.post(row, view, site, ghost.staffByAuthor()), Map.class);
    }

    /** Ghost's fields whose value differs, with the value they had. */
    private static Map<String, Object> changed(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> previous = new LinkedHashMap<>();
        before.forEach((field, value) -> {
            if (!Objects.equals(value, after.get(field))) {
                previous.put(field, value);
            }
        });
        return previous;
    }

    /** What the last payload about the resource said it was (stored as JSON, so values compare as JSON). */
    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> lastState(String key) {
        return jdbc.sql("select payload from webhook_resource_state where resource_key = ?").param(key)
                .query(String.class).optional().map(stored -> json.readValue(stored, LinkedHashMap.class));
    }

    private void remember(String key, Map<String, Object> state) {
        if (state == null) {
            jdbc.sql("delete from webhook_resource_state where resource_key = ?").param(key).update();
            return;
        }
        jdbc.sql("""
                insert into webhook_resource_state (resource_key, payload, updated_at) values (?, ?, ?)
                on conflict (resource_key) do update set payload = excluded.payload, updated_at = excluded.updated_at
                """).params(key, json.writeValueAsString(state), Webhooks.at(clock.instant())).update();
    }

    /**
     * Without an earlier payload (the article was last changed before any webhook listened), what the event's
     * snapshot tells of the article before.
     */
    private static Map<String, Object> fromSnapshot(ArticleSnapshot before) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (before == null) {
            return fields;
        }
        fields.put("title", before.headline());
        fields.put("slug", before.slug());
        fields.put("status", before.status() == ArticleStatus.PUBLISHED ? "published"
                : before.status() == ArticleStatus.SCHEDULED ? "scheduled" : "draft");
        fields.put("published_at", GhostDates.ADMIN.format(before.status() == ArticleStatus.SCHEDULED
                ? before.scheduledAt() : before.publishedAt()));
        fields.put("updated_at", GhostDates.ADMIN.format(before.updatedAt()));
        return fields;
    }

    private static Tag tagOf(TaxonomyEvent event) {
        if (event instanceof TaxonomyEvent.TagCreated created) {
            return created.tag();
        }
        if (event instanceof TaxonomyEvent.TagRenamed renamed) {
            return renamed.tag();
        }
        if (event instanceof TaxonomyEvent.TagEdited edited) {
            return edited.tag();
        }
        return ((TaxonomyEvent.TagDeleted) event).tag();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> tagJson(long tagId) {
        TagRow row = taxonomy.tag(true, "id", tagId, false).orElseThrow();
        return json.convertValue(ghost.tag(row, true, ghost.site()), Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> tagJson(Tag tag) {
        return json.convertValue(ghost.tag(new TagRow(tag.id(), tag.publicId(), tag.slug(), tag.name(), tag.description(),
                null, null, null), true, ghost.site()), Map.class);
    }
}
