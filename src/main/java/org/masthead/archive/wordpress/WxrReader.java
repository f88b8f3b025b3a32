package org.masthead.archive.wordpress;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.masthead.archive.source.ArchiveFormatException;
import org.masthead.archive.source.ArchiveVisitor;
import org.masthead.archive.source.SourcePost.Kind;

/**
 * Reads a WordPress export (WXR 1.0–1.2, {@code http} or {@code https} namespaces) into an {@link ArchiveVisitor},
 * streaming: only one item is in memory at a time, so a file of gigabytes reads in a small heap.
 *
 * <p>It reads the file twice. The first pass reads all of it — so a malformed or cut-short file fails with an
 * {@link ArchiveFormatException} naming the line before the visitor sees anything — and keeps what posts need from
 * elsewhere in the file: the authors, the categories with their parents, the tags and the attachments (featured
 * images and galleries). The second calls the visitor: {@code site} (the blog's home address and title), every
 * {@code author}, every {@code section}, every {@code tag}, then each post and page in file order, and
 * {@code skipped} for the rest.
 *
 * <p>Choices the mapping makes:
 * <ul>
 * <li>The site's address is the blog's home ({@code wp:base_blog_url}, what permalinks start with), not
 *     {@code wp:base_site_url}, which is the network's address on a multisite and WordPress's own folder when it is
 *     installed in one. Old paths are the permalinks relative to it, plus {@code /?p=ID} ({@code /?page_id=ID}).</li>
 * <li>WordPress's categories nest, Masthead's sections do not: the top-level categories are the sections, and a
 *     post's section is the top-level ancestor of its first category (WordPress exports a post's categories sorted by
 *     name). Its other categories, and the child category that led to its section, become tags
 *     ({@code wp-tag:<slug>}, shared with a tag of the same slug), before the post's own tags.</li>
 * <li>Statuses: publish → published, future → scheduled, draft → draft, pending → in review; private and
 *     password-protected posts become drafts with a warning (a password-protected post keeps its publication date);
 *     trash, auto-drafts and revisions are skipped. Dates are read in UTC from the GMT fields, else the local ones.</li>
 * <li>Bylines: Co-Authors Plus terms in file order, de-duplicated, else {@code dc:creator}; an author the channel does
 *     not declare is named from the byline.</li>
 * <li>Attachments, menu items, reusable blocks, templates and custom post types, other taxonomies and comments are
 *     not imported; they are reported to {@code skipped} (as counts, comments once per post).</li>
 * </ul>
 */
public final class WxrReader {

    private WxrReader() {
    }

    /**
     * @throws ArchiveFormatException when the file is not a complete WordPress export; nothing has then been
     *                                passed to the visitor
     */
    public static void read(Path file, ArchiveVisitor visitor) {
        WxrIndex index = WxrIndex.scan(file);
        visitor.site(index.siteUrl(), index.title());
        index.authors().forEach(visitor::author);
        index.sections().forEach(visitor::section);
        index.tags().forEach(visitor::tag);
        SecondPass pass = new SecondPass(index, visitor);
        WxrFile.walk(file, pass);
        pass.reportCounts();
        index.otherTaxonomies().forEach((taxonomy, count) -> visitor.skipped("taxonomy",
                count + " " + plural(count, "term") + " of the \"" + taxonomy + "\" taxonomy"));
    }

    private static String plural(int count, String noun) {
        return count == 1 ? noun : noun + "s";
    }

    /** Hands the posts and pages to the visitor as they stream by, and counts what it leaves out. */
    private static final class SecondPass implements WxrFile.Listener {

        private final WxrPosts posts;
        private final ArchiveVisitor visitor;
        private final Map<String, Integer> skippedTypes = new TreeMap<>();
        private int attachments;
        private int menuItems;
        private int revisions;
        private int autoDrafts;

        SecondPass(WxrIndex index, ArchiveVisitor visitor) {
            this.posts = new WxrPosts(index);
            this.visitor = visitor;
        }

        @Override
        public void item(WxrItem item) {
            String type = item.type();
            switch (type) {
                case "post", "page" -> postOrPage(item, type.equals("page") ? Kind.PAGE : Kind.ARTICLE);
                case "attachment" -> attachments++;
                case "nav_menu_item" -> menuItems++;
                case "revision" -> revisions++;
                default -> skippedTypes.merge(type.isEmpty() ? "(none)" : type, 1, Integer::sum);
            }
        }

        private void postOrPage(WxrItem item, Kind kind) {
            String what = (kind == Kind.PAGE ? "page " : "post ") + item.id() + " “"
                    + WordPressText.title(item.raw("title")) + "”";
            switch (item.status()) {
                case "trash" -> visitor.skipped("trash", what + " is in the trash");
                case "auto-draft" -> autoDrafts++;
                case "inherit" -> revisions++;
                default -> {
                    visitor.post(posts.post(item, kind));
                    if (item.comments() > 0) {
                        visitor.skipped("comment", item.comments() + " " + plural(item.comments(), "comment") + " on " + what);
                    }
                }
            }
        }

        void reportCounts() {
            if (attachments > 0) {
                visitor.skipped("attachment", attachments + " media " + plural(attachments, "item")
                        + ": pictures are imported only where posts use them");
            }
            if (menuItems > 0) {
                visitor.skipped("menu item", menuItems + " navigation menu " + plural(menuItems, "item"));
            }
            if (revisions > 0) {
                visitor.skipped("revision", revisions + " " + plural(revisions, "revision"));
            }
            if (autoDrafts > 0) {
                visitor.skipped("auto-draft", autoDrafts + " empty " + plural(autoDrafts, "auto-draft"));
            }
            skippedTypes.forEach((type, count) -> visitor.skipped("post type",
                    count + " " + plural(count, "item") + " of type \"" + type + "\""));
        }
    }
}
