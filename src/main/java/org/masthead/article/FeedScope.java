package org.masthead.article;

/** Which published articles a feed covers, and the rows that select them (newest first by index). */
public interface FeedScope {

    /** The FROM and WHERE clauses over {@code a} (article), with {@code :owner} where the scope needs it. */
    String from();

    /** Newest first, in the order of the index that serves the scope. */
    String orderBy();

    Long owner();

    static FeedScope everything() {
        return new Scope("from article a where a.status = 'published'", null, "a.published_at desc, a.id desc");
    }

    static FeedScope inSection(long sectionId) {
        return new Scope("from article a where a.status = 'published' and a.section_id = :owner", sectionId,
                "a.published_at desc, a.id desc");
    }

    static FeedScope byAuthor(long authorId) {
        return new Scope("from article_author byline join article a on a.id = byline.article_id"
                + " where byline.author_id = :owner and byline.published_at is not null", authorId,
                "byline.published_at desc, byline.article_id desc");
    }

    static FeedScope tagged(long tagId) {
        return new Scope("from article_tag tagged join article a on a.id = tagged.article_id"
                + " where tagged.tag_id = :owner and tagged.published_at is not null", tagId,
                "tagged.published_at desc, tagged.article_id desc");
    }

    record Scope(String from, Long owner, String orderBy) implements FeedScope {
    }
}
