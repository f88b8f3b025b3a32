package org.masthead.editorial;

import java.util.EnumSet;
import java.util.Objects;

import org.masthead.article.Article;
import org.masthead.article.ArticleStatus;
import org.masthead.identity.StaffMember;
import org.masthead.identity.StaffRole;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what to an article, checked on the server for every action (hidden buttons are a courtesy, not
 * the rule). Contributors write their own drafts and submit them; reporters also publish, schedule and unpublish
 * their own; editors and administrators may do anything to any article.
 */
final class EditorialPolicy {

    private EditorialPolicy() {
    }

    static boolean owns(StaffMember staff, Article article) {
        return article.createdBy() != null && article.createdBy() == staff.id();
    }

    static boolean canView(StaffMember staff, Article article) {
        return staff.can(StaffRole.REPORTER) || owns(staff, article);
    }

    static boolean canEdit(StaffMember staff, Article article) {
        if (staff.can(StaffRole.EDITOR)) {
            return true;
        }
        if (!owns(staff, article)) {
            return false;
        }
        // once a contributor's article is scheduled or live, it is the editors' to change
        return staff.can(StaffRole.REPORTER)
                || EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW).contains(article.status());
    }

    static boolean canSubmit(StaffMember staff, Article article) {
        return canEdit(staff, article) && article.status() == ArticleStatus.DRAFT;
    }

    static boolean canPublish(StaffMember staff, Article article) {
        return staff.can(StaffRole.EDITOR) || (staff.can(StaffRole.REPORTER) && owns(staff, article));
    }

    static boolean canReturnToDraft(StaffMember staff, Article article) {
        return canPublish(staff, article) || (owns(staff, article) && article.status() == ArticleStatus.IN_REVIEW);
    }

    static boolean canCorrect(StaffMember staff) {
        return staff.can(StaffRole.EDITOR);
    }

    static void require(boolean allowed, String action) {
        if (!allowed) {
            throw new AccessDeniedException("Your role does not allow you to " + action + ".");
        }
    }

    static boolean same(Long a, long b) {
        return Objects.equals(a, b);
    }
}
