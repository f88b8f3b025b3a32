package org.masthead.live.web;

import java.util.List;

import org.masthead.content.Author;
import org.masthead.content.EditableArticle;
import org.masthead.content.LiveBlogs;
import org.masthead.system.AdminFrame;

/**
 * The live desk's page.
 *
 * @param blog       null while the article is not (yet) a live blog
 * @param ownAuthor  the signed-in reporter's byline, preselected in "post as"
 * @param draftTitle what was typed before a refused post, so nothing is lost
 */
public record LiveDeskPage(AdminFrame frame, EditableArticle article, LiveBlogs.LiveBlog blog, List<LiveBlogs.Entry> entries,
                           List<LiveBlogs.Entry> pending, List<Author> authors, Long ownAuthor, boolean editor, Long staffId,
                           boolean reporter, String error, String notice, String draftTitle, String draftBody) {

    /** Whether the signed-in reporter may change this entry (the service checks again). */
    public boolean mayChange(LiveBlogs.Entry entry) {
        return editor || (staffId != null && staffId.equals(entry.createdBy()) && (reporter || !entry.isPublished()
                || (blog != null && blog.openToContributors())));
    }

    public boolean isByline(LiveBlogs.Entry entry, long authorId) {
        return entry.bylines().stream().anyMatch(byline -> byline.authorId() == authorId);
    }

    public String streamUrl() {
        return blog == null ? null : "/articles/" + article.slug() + "/live";
    }
}
