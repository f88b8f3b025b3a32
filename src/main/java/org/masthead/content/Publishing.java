package org.masthead.content;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.masthead.content.internal.Article;
import org.masthead.content.internal.ArticleReferences;
import org.masthead.content.internal.ArticleStore;
import org.masthead.content.internal.EditorialPolicy;
import org.masthead.body.BodyRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way content changes. Every command names its {@link Actor} and runs in one transaction: the policy is
 * checked first, the aggregate changes and raises its event, the row is written once, a revision is kept and the
 * audit log written — or, when anything is refused, nothing at all. An edit and the workflow move the writer asked
 * for with it (save and publish, save and submit, save and schedule) are one command. The newsroom editor, the
 * scheduler, demo content, and later the Admin API and importers all come through here.
 */
@Service
public class Publishing {

    private static final Logger log = LoggerFactory.getLogger(Publishing.class);

    private final ArticleStore store;
    private final ArticleHistory history;
    private final ArticleReferences references;
    private final BodyRenderer renderer;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    Publishing(ArticleStore store, ArticleHistory history, ArticleReferences references, BodyRenderer renderer,
               Clock clock, JdbcClient jdbc, TransactionTemplate transactions) {
        this.store = store;
        this.history = history;
        this.references = references;
        this.renderer = renderer;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The workflow move that goes with a command. */
    public sealed interface Then {
        /** Only the content changes. */
        record Keep() implements Then {
        }

        /** @param note what the writer tells the editor ("check the quote in par. 3"); may be empty */
        record SubmitForReview(String note) implements Then {
            public SubmitForReview {
                note = note == null ? "" : note;
            }
        }

        /**
         * @param firstPublishedAt the publication time to show, when it lies in the past (a story first published
         *                         elsewhere, a late entry); null means now. Backdating is an Editor's call.
         */
        record Publish(Instant firstPublishedAt) implements Then {
        }

        record Schedule(Instant at) implements Then {
        }

        record Unpublish() implements Then {
        }

        /** @param note what the editor tells the writer when sending a story back; may be empty */
        record ReturnToDraft(String note) implements Then {
            public ReturnToDraft {
                note = note == null ? "" : note;
            }
        }

        Then KEEP = new Keep();
        Then SUBMIT = new SubmitForReview("");
        Then PUBLISH = new Publish(null);
        Then UNPUBLISH = new Unpublish();
        Then RETURN_TO_DRAFT = new ReturnToDraft("");
    }

    /**
     * A new article or page; {@code guestByline} adds a writer without a profile (an unlisted one is made).
     *
     * @param ids the ids an archive knew it by (importers), or null for new ones
     */
    public record Create(ArticleKind kind, ArticleContent content, String guestByline, Then then, PublicIds ids) {

        public Create(ArticleKind kind, ArticleContent content, String guestByline, Then then) {
            this(kind, content, guestByline, then, null);
        }
    }

    /** A Ghost-style id (24 hex digits) and uuid to keep; either may be null to have one made. */
    public record PublicIds(String id, java.util.UUID uuid) {
    }

    /** New content for an existing article, at the version the writer saw, and a workflow move with it. */
    public record Revise(long id, int version, ArticleContent content, String guestByline, Then then) {
    }

    /** The editor's periodic save of a draft: never moves the workflow, never touches a live article. */
    public record Autosave(long id, int version, ArticleContent content) {
    }

    /** A workflow move without new content. */
    public record Move(long id, int version, Then then) {
    }

    public record Restore(long id, int version, int revision) {
    }

    public record Correct(long id, Correction.Kind kind, String text) {
    }

    public record Delete(long id, int version) {
    }

    /** An article published at a given time, as demo content and migrations need (system and importer only). */
    public record PublishDated(ArticleKind kind, ArticleContent content, Instant publishedAt, boolean imported,
                               PublicIds ids) {

        public PublishDated(ArticleKind kind, ArticleContent content, Instant publishedAt, boolean imported) {
            this(kind, content, publishedAt, imported, null);
        }
    }

    @Transactional
    public EditableArticle create(Actor actor, Create command) {
        EditorialPolicy.requireAllowed(EditorialPolicy.canCreate(actor), "write articles");
        ArticleContent content = references.resolve(command.content(), command.guestByline());
        EditorialPolicy.requireRawHtmlAllowed(actor, null, content, renderer);
        Article article = Article.draft(command.kind(), content, renderer, clock, actor);
        keepIds(article, command.ids());
        String action = move(actor, article, command.then());
        ArticleEvent event = store.save(article, actor);
        history.keep(article.id(), article.slug(), article.content(), reasonFor(command.then(), RevisionReason.CREATE),
                actor, article.updatedAt());
        history.record(actor, command.then() instanceof Then.Keep ? "created" : "created and " + action, article.id(),
                "", event.at());
        keepNote(actor, article, command.then(), event.at());
        return editable(actor, article);
    }

    @Transactional
    public EditableArticle revise(Actor actor, Revise command) {
        Article article = load(actor, command.id(), command.version());
        EditorialPolicy.requireAllowed(EditorialPolicy.canEdit(actor, article), "edit this article");
        String oldSlug = article.slug();
        ArticleContent content = references.resolve(command.content(), command.guestByline());
        EditorialPolicy.requireRawHtmlAllowed(actor, article.content(), content, renderer);
        article.revise(content, renderer, clock);
        boolean edited = article.hasNewContent();
        String action = move(actor, article, command.then());
        ArticleEvent event = store.save(article, actor);
        if (event == null) {
            return editable(actor, article); // nothing changed: no revision, no audit line
        }
        boolean moved = !(command.then() instanceof Then.Keep);
        if (edited || (moved && !(command.then() instanceof Then.ReturnToDraft))) {
            history.keep(article.id(), article.slug(), article.content(), reasonFor(command.then(), RevisionReason.SAVE),
                    actor, article.updatedAt());
        }
        String detail = oldSlug.equals(article.slug()) ? "" : "slug " + oldSlug + " → " + article.slug();
        history.record(actor, moved ? action : "saved", article.id(), detail, event.at());
        keepNote(actor, article, command.then(), event.at());
        return editable(actor, article);
    }

    @Transactional
    public EditableArticle autosave(Actor actor, Autosave command) {
        Article article = load(actor, command.id(), command.version());
        EditorialPolicy.requireAllowed(EditorialPolicy.canEdit(actor, article), "edit this article");
        if (article.status() != ArticleStatus.DRAFT && article.status() != ArticleStatus.IN_REVIEW) {
            // a live or scheduled article changes only when someone presses Save
            throw new ArticleException("Autosave only applies to drafts; press Save to change this article.");
        }
        EditorialPolicy.requireRawHtmlAllowed(actor, article.content(), command.content(), renderer);
        article.revise(command.content(), renderer, clock);
        if (store.save(article, actor) != null) {
            history.keep(article.id(), article.slug(), article.content(), RevisionReason.AUTOSAVE, actor, article.updatedAt());
        }
        return editable(actor, article);
    }

    @Transactional
    public EditableArticle move(Actor actor, Move command) {
        Article article = load(actor, command.id(), command.version());
        String action = move(actor, article, command.then());
        ArticleEvent event = store.save(article, actor);
        if (event != null) {
            if (!(command.then() instanceof Then.ReturnToDraft)) {
                history.keep(article.id(), article.slug(), article.content(), reasonFor(command.then(), RevisionReason.SAVE),
                        actor, article.updatedAt());
            }
            history.record(actor, action, article.id(), detailOf(command.then()), event.at());
            keepNote(actor, article, command.then(), event.at());
        }
        return editable(actor, article);
    }

    @Transactional
    public EditableArticle restore(Actor actor, Restore command) {
        Article article = load(actor, command.id(), command.version());
        EditorialPolicy.requireAllowed(EditorialPolicy.canEdit(actor, article), "restore a revision of this article");
        Revision revision = history.revision(command.id(), command.revision())
                .orElseThrow(() -> new org.masthead.system.NotFoundException("No revision " + command.revision()));
        article.revise(references.resolve(revision.content(article.content().language()), ""), renderer, clock);
        ArticleEvent event = store.save(article, actor);
        if (event != null) {
            history.keep(article.id(), article.slug(), article.content(), RevisionReason.RESTORE, actor, article.updatedAt());
            history.record(actor, "restored revision", article.id(), "#" + command.revision(), event.at());
        }
        return editable(actor, article);
    }

    @Transactional
    public EditableArticle correct(Actor actor, Correct command) {
        Article article = store.findForUpdate(command.id())
                .orElseThrow(() -> new org.masthead.system.NotFoundException("No article " + command.id()));
        EditorialPolicy.requireAllowed(EditorialPolicy.canCorrect(actor), "add corrections");
        Correction correction = new Correction(command.kind(), command.text(), clock.instant());
        article.addCorrection(correction);
        ArticleEvent event = store.save(article, actor);
        history.record(actor, "added " + command.kind().label().toLowerCase(java.util.Locale.ROOT), article.id(),
                correction.text(), event.at());
        return editable(actor, article);
    }

    @Transactional
    public void delete(Actor actor, Delete command) {
        Article article = load(actor, command.id(), command.version());
        EditorialPolicy.requireAllowed(EditorialPolicy.canDelete(actor, article), "delete this article");
        article.delete(clock);
        ArticleEvent event = store.save(article, actor);
        history.record(actor, "deleted", null, "\"" + article.content().headline() + "\" (" + article.slug() + ")", event.at());
    }

    /** Demo content and migrations: published with its own date, by the system or the importer. */
    @Transactional
    public EditableArticle publishDated(Actor actor, PublishDated command) {
        if (actor.kind() != Actor.Kind.SYSTEM && actor.kind() != Actor.Kind.IMPORTER) {
            throw new org.springframework.security.access.AccessDeniedException("Only the system and importers set publication dates.");
        }
        Article article = Article.draft(command.kind(), references.resolve(command.content(), ""), renderer,
                Clock.fixed(command.publishedAt(), ZoneOffset.UTC), actor);
        keepIds(article, command.ids());
        if (command.imported()) {
            article.markImported();
        }
        article.publishAt(command.publishedAt(), Clock.fixed(command.publishedAt(), ZoneOffset.UTC));
        ArticleEvent event = store.save(article, actor);
        history.keep(article.id(), article.slug(), article.content(),
                command.imported() ? RevisionReason.IMPORT : RevisionReason.PUBLISH, actor, article.updatedAt());
        history.record(actor, command.imported() ? "imported" : "published", article.id(), "", event.at());
        return editable(actor, article);
    }

    /**
     * Publishes scheduled articles whose time has come, exactly once even with several nodes: each claims one due
     * row at a time with FOR UPDATE SKIP LOCKED and publishes it in its own transaction with its revision and audit
     * entry, so one failing or unready article does not hold back the others.
     *
     * @return how many articles went live
     */
    public int publishDue() {
        int published = 0;
        Set<Long> passedOver = new HashSet<>();
        while (true) {
            Long claimed = transactions.execute(status -> publishNextDue(passedOver, status));
            if (claimed == null) {
                break;
            }
            if (claimed > 0) {
                published++;
            } else {
                passedOver.add(-claimed);
            }
        }
        if (published > 0) {
            log.info("Published {} scheduled article(s)", published);
        }
        return published;
    }

    /**
     * @return the id published; minus the id of a due article that is not ready or failed (its transaction is
     *         rolled back, it stays scheduled); null when nothing is due
     */
    private Long publishNextDue(Set<Long> passedOver, TransactionStatus transaction) {
        Optional<Long> due = jdbc.sql("""
                select id from article where status = 'scheduled' and scheduled_at <= ? and not (id = any(?))
                order by scheduled_at, id limit 1 for update skip locked
                """).params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), passedOver.toArray(Long[]::new))
                .query(Long.class).optional();
        if (due.isEmpty()) {
            return null;
        }
        long id = due.get();
        Actor scheduler = Actor.scheduler();
        try {
            Article article = store.find(id).orElseThrow();
            if (!article.publishIfDue(clock)) {
                log.warn("Scheduled article {} is due but not ready to publish; it stays scheduled", id);
                return -id;
            }
            ArticleEvent event = store.save(article, scheduler);
            history.keep(id, article.slug(), article.content(), RevisionReason.PUBLISH, scheduler, article.updatedAt());
            history.record(scheduler, "published as scheduled", id, "", event.at());
            return id;
        } catch (RuntimeException e) {
            transaction.setRollbackOnly();
            log.error("Scheduled article {} could not be published; it stays scheduled", id, e);
            return -id;
        }
    }

    /** An article as the newsroom shows it to this actor. */
    @Transactional(readOnly = true)
    public EditableArticle view(Actor actor, long id) {
        Article article = store.find(id).orElseThrow(() -> new org.masthead.system.NotFoundException("No article " + id));
        EditorialPolicy.requireAllowed(EditorialPolicy.canView(actor, article), "open this article");
        return editable(actor, article);
    }

    /** What a new article would allow this actor (the buttons of an empty editor). */
    public ArticlePermissions forNewArticle(Actor actor) {
        return new ArticlePermissions(true, EditorialPolicy.canCreate(actor), true, actor.can(Actor.Role.REPORTER), false,
                false, false, false);
    }

    /** Loads the article for a change: locked, visible to the actor, and at the version the actor saw. */
    private Article load(Actor actor, long id, int version) {
        Article article = store.findForUpdate(id).orElseThrow(() -> new org.masthead.system.NotFoundException("No article " + id));
        EditorialPolicy.requireAllowed(EditorialPolicy.canView(actor, article), "open this article");
        if (article.version() != version) {
            throw new ArticleConflictException(id); // stale form: someone saved in between
        }
        return article;
    }

    /** Applies the workflow move after checking the actor may make it; returns the audit log's words for it. */
    private String move(Actor actor, Article article, Then then) {
        if (then instanceof Then.SubmitForReview) {
            EditorialPolicy.requireAllowed(EditorialPolicy.canSubmit(actor, article), "submit this article for review");
            article.submitForReview(clock);
            return "submitted for review";
        }
        if (then instanceof Then.Publish publish) {
            EditorialPolicy.requireAllowed(EditorialPolicy.canPublish(actor, article), "publish this article");
            if (publish.firstPublishedAt() == null) {
                article.publish(clock);
                return "published";
            }
            EditorialPolicy.requireAllowed(actor.can(Actor.Role.EDITOR), "set an earlier publication time");
            if (publish.firstPublishedAt().isAfter(clock.instant())) {
                throw new ArticleValidationException(java.util.Map.of("publishedAt",
                        "A publication time in the future schedules the article; choose a time in the past or schedule it."));
            }
            article.publishAt(publish.firstPublishedAt(), clock);
            return "published (dated " + publish.firstPublishedAt() + ")";
        }
        if (then instanceof Then.Schedule schedule) {
            EditorialPolicy.requireAllowed(EditorialPolicy.canPublish(actor, article), "schedule this article");
            article.schedule(schedule.at(), clock);
            return "scheduled";
        }
        if (then instanceof Then.Unpublish) {
            EditorialPolicy.requireAllowed(EditorialPolicy.canPublish(actor, article), "unpublish this article");
            article.unpublish(clock);
            return "unpublished";
        }
        if (then instanceof Then.ReturnToDraft) {
            EditorialPolicy.requireAllowed(EditorialPolicy.canReturnToDraft(actor, article), "return this article to draft");
            article.returnToDraft(clock);
            return "returned to draft";
        }
        return "saved";
    }

    private static void keepIds(Article article, PublicIds ids) {
        if (ids != null) {
            article.keepPublicIds(ids.id(), ids.uuid());
        }
    }

    /** The note that goes with sending a story to review or back to its writer, for both to read. */
    private void keepNote(Actor actor, Article article, Then then, Instant at) {
        if (then instanceof Then.SubmitForReview submit && !submit.note().isBlank()) {
            history.note(actor, article.id(), ReviewNote.Kind.SUBMITTED, submit.note(), at);
        } else if (then instanceof Then.ReturnToDraft back && !back.note().isBlank()) {
            history.note(actor, article.id(), ReviewNote.Kind.RETURNED, back.note(), at);
        }
    }

    private static String detailOf(Then then) {
        return then instanceof Then.Schedule schedule ? "for " + schedule.at() : "";
    }

    private static RevisionReason reasonFor(Then then, RevisionReason otherwise) {
        if (then instanceof Then.SubmitForReview) {
            return RevisionReason.SUBMIT;
        }
        if (then instanceof Then.Publish) {
            return RevisionReason.PUBLISH;
        }
        if (then instanceof Then.Schedule) {
            return RevisionReason.SCHEDULE;
        }
        if (then instanceof Then.Unpublish) {
            return RevisionReason.UNPUBLISH;
        }
        if (then instanceof Then.ReturnToDraft) {
            return RevisionReason.DRAFT;
        }
        return otherwise;
    }

    private EditableArticle editable(Actor actor, Article article) {
        return new EditableArticle(article.id(), article.kind(), article.version(), article.content(), article.slug(),
                article.status(), article.body(), article.readingMinutes(), article.publishedAt(), article.scheduledAt(),
                article.createdBy(), article.createdAt(), article.updatedAt(), EditorialPolicy.permissions(actor, article));
    }
}
