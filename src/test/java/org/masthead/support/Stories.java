package org.masthead.support;

import java.time.Instant;
import java.util.List;

import org.masthead.content.Actor;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.EditableArticle;
import org.masthead.content.LeadImage;
import org.masthead.content.Publishing;

/** Writes test articles through the one write path, as the system. */
public final class Stories {

    public static final Actor SYSTEM = Actor.system("Tests");

    private final Publishing publishing;

    public Stories(Publishing publishing) {
        this.publishing = publishing;
    }

    public static ArticleContent content(String headline, long sectionId, List<Long> authorIds, List<String> tags,
                                         String markdown) {
        return ArticleContent.markdown(headline, null, null, sectionId, authorIds, tags, markdown, null, "en");
    }

    public static ArticleContent content(String headline, String standfirst, long sectionId, List<Long> authorIds,
                                         List<String> tags, String markdown, LeadImage image, String language) {
        return ArticleContent.markdown(headline, null, standfirst, sectionId, authorIds, tags, markdown, image, language);
    }

    /** Published with this first publication time. */
    public EditableArticle publish(ArticleContent content, Instant at) {
        return publishing.publishDated(SYSTEM, new Publishing.PublishDated(ArticleKind.ARTICLE, content, at, false));
    }

    public EditableArticle draft(ArticleContent content) {
        return publishing.create(SYSTEM, new Publishing.Create(ArticleKind.ARTICLE, content, "", Publishing.Then.KEEP));
    }

    public EditableArticle revise(EditableArticle article, ArticleContent content) {
        return publishing.revise(SYSTEM, new Publishing.Revise(article.id(), article.version(), content, "", Publishing.Then.KEEP));
    }

    public EditableArticle publishNow(EditableArticle article) {
        return publishing.move(SYSTEM, new Publishing.Move(article.id(), article.version(), Publishing.Then.PUBLISH));
    }

    public EditableArticle unpublish(EditableArticle article) {
        return publishing.move(SYSTEM, new Publishing.Move(article.id(), article.version(), Publishing.Then.UNPUBLISH));
    }

    public EditableArticle current(long id) {
        return publishing.view(SYSTEM, id);
    }
}
