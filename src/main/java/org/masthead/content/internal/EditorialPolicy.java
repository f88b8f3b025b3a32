package org.masthead.content.internal;

import java.util.EnumSet;

import org.masthead.content.Actor;
import org.masthead.content.Actor.Role;
import org.masthead.content.ArticleStatus;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what to an article, checked by the write path for every command, whoever sends it (hidden buttons
 * are a courtesy, not the rule). Contributors write their own drafts and submit them; reporters also publish,
 * schedule and unpublish their own; editors and administrators may do anything to any article. Integrations act
 * with the role an Administrator granted them; the importer, scheduler and system are trusted.
 */
public final class EditorialPolicy {

    private EditorialPolicy() {
    }

    /** The staff member or integration that created the article. */
    static boolean owns(Actor actor, Article article) {
        return actor.isStaff(article.createdBy()) || (actor.kind() == Actor.Kind.INTEGRATION
                && article.createdByIntegration() != null && article.createdByIntegration().equals(actor.id()));
    }

    public static boolean canView(Actor actor, Article article) {
        return actor.can(Role.REPORTER) || owns(actor, article);
    }

    public static boolean canEdit(Actor actor, Article article) {
        if (actor.can(Role.EDITOR)) {
            return true;
        }
        if (!owns(actor, article)) {
            return false;
        }
        // once a contributor's article is scheduled or live, it is the editors' to change
        return actor.can(Role.REPORTER) || EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW).contains(article.status());
    }

    public static boolean canCreate(Actor actor) {
        return actor.can(Role.CONTRIBUTOR);
    }

    public static boolean canSubmit(Actor actor, Article article) {
        return canEdit(actor, article) && article.status() == ArticleStatus.DRAFT;
    }

    public static boolean canPublish(Actor actor, Article article) {
        return actor.can(Role.EDITOR) || (actor.can(Role.REPORTER) && (owns(actor, article) || article.id() == null));
    }

    public static boolean canReturnToDraft(Actor actor, Article article) {
        return canPublish(actor, article) || (owns(actor, article) && article.status() == ArticleStatus.IN_REVIEW);
    }

    public static boolean canCorrect(Actor actor) {
        return actor.can(Role.EDITOR);
    }

    public static boolean canDelete(Actor actor, Article article) {
        return actor.can(Role.EDITOR) || (owns(actor, article) && article.status() != ArticleStatus.PUBLISHED
                && article.publishedAt() == null);
    }

    /** Everything the actor may do with the article now. */
    public static org.masthead.content.ArticlePermissions permissions(Actor actor, Article article) {
        ArticleStatus status = article.status();
        return new org.masthead.content.ArticlePermissions(canView(actor, article), canEdit(actor, article),
                canSubmit(actor, article),
                canPublish(actor, article) && status != ArticleStatus.PUBLISHED,
                canPublish(actor, article) && status == ArticleStatus.PUBLISHED,
                canReturnToDraft(actor, article) && status != ArticleStatus.DRAFT && status != ArticleStatus.PUBLISHED,
                canCorrect(actor) && status == ArticleStatus.PUBLISHED,
                canDelete(actor, article));
    }

    /**
     * Raw HTML blocks are an Editor's call: anyone else may keep the ones already in a body, not add or change one.
     *
     * @param before the content as it was (null for a new article)
     */
    public static void requireRawHtmlAllowed(Actor actor, org.masthead.content.ArticleContent before,
                                             org.masthead.content.ArticleContent after, org.masthead.body.BodyRenderer renderer) {
        if (actor.can(Actor.Role.EDITOR) || after.bodyFormat() != org.masthead.body.BodyFormat.BLOCKS) {
            return;
        }
        java.util.List<String> now;
        try {
            now = org.masthead.body.BodyDocument.parse(after.bodySource()).rawHtml();
        } catch (org.masthead.body.InvalidBodyException e) {
            throw new org.masthead.content.ArticleValidationException(java.util.Map.of("body", e.getMessage()));
        }
        if (now.isEmpty()) {
            return;
        }
        java.util.List<String> was = before == null ? java.util.List.of()
                : renderer.toDocument(before.bodySource(), before.bodyFormat()).rawHtml();
        if (!was.containsAll(now)) {
            throw new org.masthead.content.RawHtmlRefusedException();
        }
    }

    public static void requireAllowed(boolean allowed, String action) {
        if (!allowed) {
            throw new AccessDeniedException("Your role does not allow you to " + action + ".");
        }
    }
}
