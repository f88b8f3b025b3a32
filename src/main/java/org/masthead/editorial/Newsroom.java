package org.masthead.editorial;

import java.time.Clock;
import java.time.Instant;

import org.masthead.article.Article;
import org.masthead.article.ArticleConflictException;
import org.masthead.article.ArticleContent;
import org.masthead.article.Articles;
import org.masthead.article.Correction;
import org.masthead.identity.StaffMember;
import org.masthead.system.NotFoundException;
import org.masthead.text.MarkdownRenderer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the newsroom does to articles. Each action checks the editorial policy, changes the aggregate,
 * saves it with optimistic locking, keeps a revision and writes the audit log — all in one transaction, so a
 * refused or conflicting action leaves nothing half-written.
 */
@Service
public class Newsroom {

    private final Articles articles;
    private final Revisions revisions;
    private final AuditLog audit;
    private final MarkdownRenderer renderer;
    private final Clock clock;
    private final ArticleReferences references;

    Newsroom(Articles articles, Revisions revisions, AuditLog audit, MarkdownRenderer renderer, Clock clock,
             ArticleReferences references) {
        this.articles = articles;
        this.revisions = revisions;
        this.audit = audit;
        this.renderer = renderer;
        this.clock = clock;
        this.references = references;
    }

    @Transactional
    public Article create(StaffMember staff, ArticleContent content) {
        return create(staff, content, "");
    }

    /** Creates a draft; a guest byline (a writer without a profile) gets an unlisted profile in the same transaction. */
    @Transactional
    public Article create(StaffMember staff, ArticleContent content, String guestByline) {
        content = references.resolve(content, guestByline);
        Article article = articles.save(Article.draft(content, renderer, clock, staff.id()));
        revisions.keep(article, RevisionReason.CREATE, staff.id(), article.createdAt());
        audit.record(staff.id(), "created", article.id(), article.content().headline(), article.createdAt());
        return article;
    }

    @Transactional
    public Article save(StaffMember staff, long id, int version, ArticleContent content, boolean autosave) {
        return save(staff, id, version, content, "", autosave);
    }

    @Transactional
    public Article save(StaffMember staff, long id, int version, ArticleContent content, String guestByline,
                        boolean autosave) {
        Article article = load(staff, id, version);
        content = references.resolve(content, guestByline);
        EditorialPolicy.require(EditorialPolicy.canEdit(staff, article), "edit this article");
        if (autosave && article.status() != org.masthead.article.ArticleStatus.DRAFT
                && article.status() != org.masthead.article.ArticleStatus.IN_REVIEW) {
            // a live or scheduled article changes only when someone presses Save
            throw new org.masthead.article.ArticleException("Autosave only applies to drafts; press Save to change this article.");
        }
        String oldSlug = article.slug();
        article.revise(content, renderer, clock);
        articles.save(article);
        revisions.keep(article, autosave ? RevisionReason.AUTOSAVE : RevisionReason.SAVE, staff.id(), article.updatedAt());
        if (!autosave) {
            audit.record(staff.id(), "saved", id, oldSlug.equals(article.slug()) ? "" : "slug " + oldSlug + " → " + article.slug(),
                    article.updatedAt());
        }
        return article;
    }

    @Transactional
    public Article submit(StaffMember staff, long id, int version) {
        Article article = load(staff, id, version);
        EditorialPolicy.require(EditorialPolicy.canSubmit(staff, article), "submit this article for review");
        article.submitForReview(clock);
        return saveTransition(staff, article, RevisionReason.SUBMIT, "submitted for review", "");
    }

    @Transactional
    public Article publish(StaffMember staff, long id, int version) {
        Article article = load(staff, id, version);
        EditorialPolicy.require(EditorialPolicy.canPublish(staff, article), "publish this article");
        article.publish(clock);
        return saveTransition(staff, article, RevisionReason.PUBLISH, "published", "");
    }

    @Transactional
    public Article schedule(StaffMember staff, long id, int version, Instant at) {
        Article article = load(staff, id, version);
        EditorialPolicy.require(EditorialPolicy.canPublish(staff, article), "schedule this article");
        article.schedule(at, clock);
        return saveTransition(staff, article, RevisionReason.SCHEDULE, "scheduled", "for " + at);
    }

    @Transactional
    public Article unpublish(StaffMember staff, long id, int version) {
        Article article = load(staff, id, version);
        EditorialPolicy.require(EditorialPolicy.canPublish(staff, article), "unpublish this article");
        article.unpublish(clock);
        return saveTransition(staff, article, RevisionReason.UNPUBLISH, "unpublished", "");
    }

    @Transactional
    public Article returnToDraft(StaffMember staff, long id, int version) {
        Article article = load(staff, id, version);
        EditorialPolicy.require(EditorialPolicy.canReturnToDraft(staff, article), "return this article to draft");
        article.returnToDraft(clock);
        articles.save(article);
        audit.record(staff.id(), "returned to draft", id, "", article.updatedAt());
        return article;
    }

    @Transactional
    public Article restore(StaffMember staff, long id, int version, int revisionNumber) {
        Article article = load(staff, id, version);
        EditorialPolicy.require(EditorialPolicy.canEdit(staff, article), "restore a revision of this article");
        Revision revision = revisions.find(id, revisionNumber)
                .orElseThrow(() -> new NotFoundException("No revision " + revisionNumber));
        article.revise(revision.content(article.content().language()), renderer, clock);
        return saveTransition(staff, article, RevisionReason.RESTORE, "restored revision", "#" + revisionNumber);
    }

    @Transactional
    public void addCorrection(StaffMember staff, long id, Correction.Kind kind, String text) {
        Article article = articles.findById(id).orElseThrow(() -> new NotFoundException("No article " + id));
        EditorialPolicy.require(EditorialPolicy.canCorrect(staff), "add corrections");
        Correction correction = new Correction(kind, text, clock.instant());
        articles.addCorrection(article.id(), correction, staff.id());
        audit.record(staff.id(), "added " + kind.label().toLowerCase(java.util.Locale.ROOT), id, correction.text(),
                correction.publishedAt());
    }

    public Article view(StaffMember staff, long id) {
        Article article = articles.findById(id).orElseThrow(() -> new NotFoundException("No article " + id));
        EditorialPolicy.require(EditorialPolicy.canView(staff, article), "open this article");
        return article;
    }

    private Article load(StaffMember staff, long id, int version) {
        Article article = view(staff, id);
        if (article.version() != version) {
            throw new ArticleConflictException(id); // stale form: someone saved in between
        }
        return article;
    }

    private Article saveTransition(StaffMember staff, Article article, RevisionReason reason, String action, String detail) {
        articles.save(article);
        revisions.keep(article, reason, staff.id(), article.updatedAt());
        audit.record(staff.id(), action, article.id(), detail, article.updatedAt());
        return article;
    }
}
