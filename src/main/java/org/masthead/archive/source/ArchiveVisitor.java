package org.masthead.archive.source;

/**
 * Receives an archive's contents as a reader streams them: the people and taxonomy it declares first, then its
 * posts one by one (never all in memory), and what it skipped and why.
 */
public interface ArchiveVisitor {

    /** Where the archive's site lived ("https://example.org"), for making its addresses relative; once, first. */
    default void site(String baseUrl, String title) {
    }

    default void author(SourceAuthor author) {
    }

    default void section(SourceTerm section) {
    }

    default void tag(SourceTerm tag) {
    }

    void post(SourcePost post);

    /**
     * Something the archive holds that is not imported ("3 comments", "attachment 55", "post 12 in the trash").
     *
     * @param kind what sort of thing ("comment", "trash", "attachment", "menu item", "duplicate slug")
     */
    default void skipped(String kind, String detail) {
    }
}
