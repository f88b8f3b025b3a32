package org.masthead.reader;

import org.masthead.content.internal.ArticleStore;

/**
 * Test-only: the dependency {@link org.masthead.ModuleBoundaryTests} shows a build would refuse. The reader may use
 * the content module's API, never its internals. Not a bean; nothing runs it.
 */
final class ReaderUsingContentInternalsFixture {

    private ReaderUsingContentInternalsFixture() {
    }

    static boolean writesArticles(ArticleStore store) {
        return store != null;
    }
}
