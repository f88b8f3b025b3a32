package org.masthead.search;

import org.masthead.editorial.ArticleRow;

/**
 * Test-only: the dependency {@link org.masthead.ModuleBoundaryTests} shows a build would refuse. Search may not use
 * the newsroom's types (editorial is not among its allowed dependencies). Not a bean; nothing runs it.
 */
final class SearchReadingEditorialRowsFixture {

    private SearchReadingEditorialRowsFixture() {
    }

    static String headline(ArticleRow row) {
        return row.headline();
    }
}
