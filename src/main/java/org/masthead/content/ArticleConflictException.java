package org.masthead.content;

/** Someone else saved the article since this copy was loaded; saving it would silently overwrite their work. */
public class ArticleConflictException extends ArticleException {

    private final long articleId;

    public ArticleConflictException(long articleId) {
        super("Someone else saved this article while you were editing it.");
        this.articleId = articleId;
    }

    public long articleId() {
        return articleId;
    }
}
