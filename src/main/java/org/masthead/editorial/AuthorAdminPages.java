package org.masthead.editorial;

import java.util.List;
import org.masthead.content.Author;
import org.masthead.system.AdminFrame;

/** Page records of the author admin screens. */
public final class AuthorAdminPages {

    private AuthorAdminPages() {
    }

    public record AuthorsPage(AdminFrame frame, List<Author> authors, String error, String notice) {
    }

    public record AuthorPage(AdminFrame frame, Author author, String error) {

        public String linksText() {
            StringBuilder text = new StringBuilder();
            author.links().forEach(link -> text.append(link.label()).append(" | ").append(link.url()).append('\n'));
            return text.toString();
        }
    }
}
