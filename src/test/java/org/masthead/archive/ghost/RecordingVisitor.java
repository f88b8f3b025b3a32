package org.masthead.archive.ghost;

import java.util.ArrayList;
import java.util.List;

import org.masthead.archive.source.ArchiveVisitor;
import org.masthead.archive.source.SourceAuthor;
import org.masthead.archive.source.SourcePost;
import org.masthead.archive.source.SourceTerm;

/** Keeps what a reader told it, and in which order, for tests to look at. */
class RecordingVisitor implements ArchiveVisitor {

    record Skipped(String kind, String detail) {
    }

    final List<String> events = new ArrayList<>();
    final List<SourceAuthor> authors = new ArrayList<>();
    final List<SourceTerm> sections = new ArrayList<>();
    final List<SourceTerm> tags = new ArrayList<>();
    final List<SourcePost> posts = new ArrayList<>();
    final List<Skipped> skipped = new ArrayList<>();
    String siteUrl;
    String siteTitle;

    @Override
    public void site(String baseUrl, String title) {
        events.add("site");
        siteUrl = baseUrl;
        siteTitle = title;
    }

    @Override
    public void author(SourceAuthor author) {
        events.add("author");
        authors.add(author);
    }

    @Override
    public void section(SourceTerm section) {
        events.add("section");
        sections.add(section);
    }

    @Override
    public void tag(SourceTerm tag) {
        events.add("tag");
        tags.add(tag);
    }

    @Override
    public void post(SourcePost post) {
        events.add("post");
        posts.add(post);
    }

    @Override
    public void skipped(String kind, String detail) {
        events.add("skipped");
        skipped.add(new Skipped(kind, detail));
    }

    SourcePost post(String slug) {
        return posts.stream().filter(post -> slug.equals(post.slug())).findFirst()
                .orElseThrow(() -> new AssertionError("no post with slug " + slug + " among " + slugs()));
    }

    List<String> slugs() {
        return posts.stream().map(SourcePost::slug).toList();
    }
}
