package org.masthead.article;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.masthead.text.MarkdownRenderer;
import org.masthead.text.MarkdownRenderer.RenderedMarkdown;
import org.masthead.text.Slugs;

/**
 * An article and the rules of its life: content is rendered when it is set, publishing checks what a published
 * article needs, and a changed slug is remembered so old links keep working.
 */
public final class Article {

    private Long id;
    private ArticleContent content;
    private String slug;
    private RenderedMarkdown body;
    private ArticleStatus status;
    private Instant publishedAt;
    private final Instant createdAt;
    private Instant updatedAt;
    private final List<String> retiredSlugs = new ArrayList<>();

    private Article(Long id, ArticleContent content, String slug, RenderedMarkdown body, ArticleStatus status,
                    Instant publishedAt, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.content = content;
        this.slug = slug;
        this.body = body;
        this.status = status;
        this.publishedAt = publishedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public static Article draft(ArticleContent content, MarkdownRenderer renderer, Clock clock) {
        requireHeadline(content);
        Instant now = now(clock);
        String slug = slugFor(content);
        return new Article(null, content, slug, renderer.render(content.bodyMarkdown()), ArticleStatus.DRAFT,
                null, now, now);
    }

    static Article load(long id, ArticleContent content, RenderedMarkdown body, ArticleStatus status,
                        Instant publishedAt, Instant createdAt, Instant updatedAt) {
        return new Article(id, content, content.slug(), body, status, publishedAt, createdAt, updatedAt);
    }

    public void revise(ArticleContent revised, MarkdownRenderer renderer, Clock clock) {
        requireHeadline(revised);
        String newSlug = slugFor(revised);
        if (!newSlug.equals(slug)) {
            retiredSlugs.add(slug);
            slug = newSlug;
        }
        content = revised;
        body = renderer.render(revised.bodyMarkdown());
        updatedAt = now(clock);
    }

    public void publish(Clock clock) {
        if (status == ArticleStatus.PUBLISHED) {
            throw new ArticleException("The article is already published.");
        }
        if (content.authorIds().isEmpty()) {
            throw new ArticleException("A published article needs at least one author.");
        }
        LeadImage image = content.leadImage();
        if (image != null && (image.alt().isEmpty() || image.credit().isEmpty())) {
            throw new ArticleException("The lead image needs alt text and a credit before the article is published.");
        }
        status = ArticleStatus.PUBLISHED;
        publishedAt = now(clock);
        updatedAt = publishedAt;
    }

    public int readingMinutes() {
        int images = body.imageCount() + (content.leadImage() == null ? 0 : 1);
        return ReadingTime.minutes(body.words(), images);
    }

    private static void requireHeadline(ArticleContent content) {
        if (content.headline() == null || content.headline().isBlank()) {
            throw new ArticleException("The headline must not be empty.");
        }
    }

    private static String slugFor(ArticleContent content) {
        String slug = content.slug() == null || content.slug().isBlank()
                ? Slugs.slugify(content.headline()) : content.slug().strip();
        if (!Slugs.isValid(slug)) {
            throw new ArticleException("The slug \"" + slug + "\" may only use a-z, 0-9 and single hyphens, "
                    + "at most " + Slugs.MAX_LENGTH + " characters.");
        }
        return slug;
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
    }

    void assignId(long id) {
        this.id = id;
    }

    List<String> takeRetiredSlugs() {
        List<String> taken = List.copyOf(retiredSlugs);
        retiredSlugs.clear();
        return taken;
    }

    public Long id() { return id; }
    public String slug() { return slug; }
    public ArticleContent content() { return content; }
    public RenderedMarkdown body() { return body; }
    public ArticleStatus status() { return status; }
    public Instant publishedAt() { return publishedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
