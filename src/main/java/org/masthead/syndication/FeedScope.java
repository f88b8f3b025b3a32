package org.masthead.syndication;

/** Which published articles a feed covers, and the rows that select them (newest first by index). */
interface FeedScope {

    /** The FROM and WHERE clauses over {@code a} (content's published articles), with {@code :owner} where needed. */
    String from();

    /** Newest first, in the order of the index that serves the scope. */
    String orderBy();

    Long owner();

    static FeedScope everything() {
        return new Scope("from content_published_article a", null, "a.published_at desc, a.id desc");
    }

    static FeedScope inSection(long sectionId) {
        return new Scope("from content_published_article a where a.section_id = :owner", sectionId,
                "a.published_at desc, a.id desc");
    }

    static FeedScope byAuthor(long authorId) {
        return new Scope("from content_published_byline byline join content_published_article a on a.id = byline.article_id"
                + " where byline.author_id = :owner", authorId, "byline.published_at desc, byline.article_id desc");
    }

    static FeedScope tagged(long tagId) {
        return new Scope("from content_published_tagging tagged join content_published_article a on a.id = tagged.article_id"
                + " where tagged.tag_id = :owner", tagId, "tagged.published_at desc, tagged.article_id desc");
    }

    record Scope(String from, Long owner, String orderBy) implements FeedScope {
    }
}
