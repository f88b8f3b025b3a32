package org.masthead.archive.wordpress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.masthead.archive.source.ArchiveFormatException;
import org.masthead.archive.source.SourceAuthor;
import org.masthead.archive.source.SourceTerm;

/**
 * What the first pass learns about the whole file, for the posts of the second: the site, its authors, its
 * categories (with their parents) and tags, and its attachments. Bounded by the site's size in people, terms and
 * media — never its posts' content.
 */
final class WxrIndex implements WxrFile.Listener, WxrAttachment.Lookup {

    /** A category; {@code parent} is the parent's slug, blank for a top-level category. */
    record Category(String slug, String name, String parent, String description) {
    }

    private final Map<String, String> channel = new HashMap<>();
    private final Map<String, SourceAuthor> authorsByLogin = new LinkedHashMap<>();
    private final Map<String, SourceAuthor> authorsBySlug = new HashMap<>();
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final Map<String, SourceTerm> tags = new LinkedHashMap<>();
    private final Map<String, Integer> otherTaxonomies = new TreeMap<>();
    private final Map<Long, WxrAttachment> attachments = new HashMap<>();
    private final Map<Long, List<Long>> attachmentsByParent = new HashMap<>();
    private boolean wordPressFields;

    private WxrIndex() {
    }

    /** Reads the whole file once; fails, before anything is imported, if it is not a complete WordPress export. */
    static WxrIndex scan(Path file) {
        WxrIndex index = new WxrIndex();
        WxrFile.walk(file, index);
        if (!index.wordPressFields) {
            throw new ArchiveFormatException("This RSS file is not a WordPress export (WXR): it has no wp:wxr_version "
                    + "and no WordPress fields. Export the site from WordPress under Tools → Export.");
        }
        return index;
    }

    @Override
    public void channelField(String name, String value) {
        channel.putIfAbsent(name, value.strip());
        wordPressFields |= name.equals("wp:wxr_version");
    }

    @Override
    public void record(String name, Map<String, String> fields) {
        wordPressFields = true;
        switch (name) {
            case "wp:author" -> author(fields);
            case "wp:category" -> category(fields.get("wp:category_nicename"), fields.get("wp:cat_name"),
                    fields.get("wp:category_parent"), fields.get("wp:category_description"));
            case "wp:tag" -> tag(fields.get("wp:tag_slug"), fields.get("wp:tag_name"), fields.get("wp:tag_description"));
            case "wp:term" -> {
                String taxonomy = strip(fields.get("wp:term_taxonomy"));
                switch (taxonomy) {
                    case "category" -> category(fields.get("wp:term_slug"), fields.get("wp:term_name"),
                            fields.get("wp:term_parent"), fields.get("wp:term_description"));
                    case "post_tag" -> tag(fields.get("wp:term_slug"), fields.get("wp:term_name"),
                            fields.get("wp:term_description"));
                    default -> otherTaxonomies.merge(taxonomy.isEmpty() ? "(none)" : taxonomy, 1, Integer::sum);
                }
            }
            default -> {
                // no other records exist in WXR
            }
        }
    }

    private void author(Map<String, String> fields) {
        String login = strip(fields.get("wp:author_login"));
        if (login.isEmpty()) {
            return;
        }
        String name = WordPressText.name(fields.get("wp:author_display_name"));
        if (name.isEmpty()) {
            name = (WordPressText.name(fields.get("wp:author_first_name")) + " "
                    + WordPressText.name(fields.get("wp:author_last_name"))).strip();
        }
        String slug = WordPressText.nicename(login);
        SourceAuthor author = new SourceAuthor("wp-author:" + login, slug, name.isEmpty() ? login : name,
                strip(fields.get("wp:author_email")), null, null, null, null);
        if (authorsByLogin.putIfAbsent(login, author) == null) {
            authorsBySlug.putIfAbsent(slug, author);
        }
    }

    private void category(String rawSlug, String name, String parent, String description) {
        String slug = slug(rawSlug, name);
        if (!slug.isEmpty()) {
            categories.putIfAbsent(slug, new Category(slug, WordPressText.name(name), slug(parent, ""),
                    WordPressText.name(description)));
        }
    }

    private void tag(String rawSlug, String name, String description) {
        String slug = slug(rawSlug, name);
        if (!slug.isEmpty()) {
            tags.putIfAbsent(slug, new SourceTerm("wp-tag:" + slug, slug, WordPressText.name(name),
                    WordPressText.name(description), false));
        }
    }

    /** A term's slug as WordPress stores it (percent-encoded unicode), decoded; made from the name if missing. */
    static String slug(String slug, String name) {
        String decoded = WordPressText.decodeSlug(strip(slug));
        return decoded == null || decoded.isEmpty() ? WordPressText.nicename(WordPressText.name(name)) : decoded;
    }

    @Override
    public void item(WxrItem item) {
        wordPressFields |= !item.type().isEmpty();
        if (item.type().equals("attachment")) {
            String url = item.field("wp:attachment_url");
            WxrAttachment attachment = new WxrAttachment(item.id(), WxrItem.number(item.field("wp:post_parent")),
                    url.isEmpty() ? item.field("guid") : url, WordPressText.name(item.meta().get("_wp_attachment_image_alt")),
                    item.field("excerpt:encoded"));
            attachments.putIfAbsent(attachment.id(), attachment);
            if (attachment.parentId() > 0) {
                attachmentsByParent.computeIfAbsent(attachment.parentId(), parent -> new ArrayList<>()).add(attachment.id());
            }
        }
        for (WxrItem.Term term : item.terms()) {
            // a term the channel does not declare (a partial export) is still the post's
            switch (term.domain()) {
                case "category" -> category(term.nicename(), term.name(), "", null);
                case "post_tag", "tag" -> tag(term.nicename(), term.name(), null);
                default -> {
                    // bylines and other taxonomies are the posts' business
                }
            }
        }
    }

    // — what the second pass asks —

    /** The public address of the blog: WordPress's home URL, which its permalinks start with. */
    String siteUrl() {
        for (String candidate : List.of("wp:base_blog_url", "link", "wp:base_site_url")) {
            String url = channel.getOrDefault(candidate, "");
            if (!url.isEmpty()) {
                return url.replaceAll("/+$", "");
            }
        }
        return "";
    }

    /** Addresses the site's links may start with, the most specific first. */
    List<String> baseUrls() {
        List<String> bases = new ArrayList<>();
        for (String candidate : List.of("wp:base_blog_url", "link", "wp:base_site_url")) {
            String url = channel.getOrDefault(candidate, "").replaceAll("/+$", "");
            if (!url.isEmpty() && !bases.contains(url)) {
                bases.add(url);
            }
        }
        return bases;
    }

    String title() {
        return WordPressText.name(channel.get("title"));
    }

    String language() {
        return WordPressText.language(channel.get("language"));
    }

    List<SourceAuthor> authors() {
        return List.copyOf(authorsByLogin.values());
    }

    /** The channel's author with this login, or else whose slug this is. */
    Optional<SourceAuthor> author(String loginOrSlug) {
        SourceAuthor byLogin = authorsByLogin.get(loginOrSlug);
        return Optional.ofNullable(byLogin != null ? byLogin : authorsBySlug.get(WordPressText.nicename(loginOrSlug)));
    }

    /** The sections: top-level categories, in file order. */
    List<SourceTerm> sections() {
        return categories.values().stream().filter(category -> root(category.slug()).equals(category.slug()))
                .map(this::term).toList();
    }

    /** The tags: WordPress's tags, then the categories below the top level (so their names are not lost). */
    List<SourceTerm> tags() {
        Map<String, SourceTerm> all = new LinkedHashMap<>(tags);
        for (Category category : categories.values()) {
            if (!root(category.slug()).equals(category.slug())) {
                all.putIfAbsent(category.slug(), categoryAsTag(category.slug(), category.name()));
            }
        }
        return List.copyOf(all.values());
    }

    /** How many terms of taxonomies Masthead has nothing for (menus, post formats, custom ones), by taxonomy. */
    Map<String, Integer> otherTaxonomies() {
        return otherTaxonomies;
    }

    /** The top-level ancestor of a category (itself when it is top-level or unknown). */
    String root(String slug) {
        String current = slug;
        Set<String> seen = new HashSet<>();
        while (seen.add(current)) {
            Category category = categories.get(current);
            if (category == null || category.parent().isEmpty() || !categories.containsKey(category.parent())) {
                return current;
            }
            current = category.parent();
        }
        return current; // a loop of parents: WordPress prevents it, a hand-edited file may not
    }

    SourceTerm section(String slug) {
        Category category = categories.get(slug);
        return category == null ? SourceTerm.named("wp-category:" + slug, slug, slug) : term(category);
    }

    SourceTerm categoryAsTag(String slug, String name) {
        Category category = categories.get(slug);
        return SourceTerm.named("wp-tag:" + slug, slug, category == null ? name : category.name());
    }

    private SourceTerm term(Category category) {
        return new SourceTerm("wp-category:" + category.slug(), category.slug(), category.name(), category.description(), false);
    }

    SourceTerm tag(String slug, String name) {
        SourceTerm declared = tags.get(slug);
        return declared != null ? declared : SourceTerm.named("wp-tag:" + slug, slug, name);
    }

    @Override
    public Optional<WxrAttachment> byId(long id) {
        return Optional.ofNullable(attachments.get(id));
    }

    @Override
    public List<WxrAttachment> childrenOf(long postId) {
        return attachmentsByParent.getOrDefault(postId, List.of()).stream().map(attachments::get).toList();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
