package org.masthead.article;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.masthead.text.MarkdownRenderer;
import org.masthead.text.MarkdownRenderer.RenderedMarkdown;
import org.masthead.text.Slugs;

/**
 * An article and the rules of its life: content is rendered when it is set, publishing checks what a published
 * article needs, a changed slug is remembered so old links keep working, and the workflow only moves along
 * draft → in review → scheduled / published → unpublished (and back to draft).
 */
public final class Article {

    private Long id;
    private int version;
    private Instant scheduledAt;
    private Long createdBy;
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
        return draft(content, renderer, clock, null);
    }

    public static Article draft(ArticleContent content, MarkdownRenderer renderer, Clock clock, Long createdBy) {
        requireStorable(content);
        Instant now = now(clock);
        String slug = slugFor(content);
        Article article = new Article(null, content, slug, renderer.render(content.bodyMarkdown()), ArticleStatus.DRAFT,
                null, now, now);
        article.createdBy = createdBy;
        return article;
    }

    static Article load(long id, int version, ArticleContent content, RenderedMarkdown body, ArticleStatus status,
                        Instant publishedAt, Instant scheduledAt, Long createdBy, Instant createdAt, Instant updatedAt) {
        Article article = new Article(id, content, content.slug(), body, status, publishedAt, createdAt, updatedAt);
        article.version = version;
        article.scheduledAt = scheduledAt;
        article.createdBy = createdBy;
        return article;
    }

    public void revise(ArticleContent revised, MarkdownRenderer renderer, Clock clock) {
        requireStorable(revised);
        String newSlug = slugFor(revised);
        if (!newSlug.equals(slug)) {
            retiredSlugs.add(slug);
            slug = newSlug;
        }
        ArticleContent previous = content;
        RenderedMarkdown previousBody = body;
        content = revised;
        body = renderer.render(revised.bodyMarkdown());
        if (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED) {
            Map<String, String> problems = problemsBeforePublishing();
            if (!problems.isEmpty()) {
                content = previous; // a live or scheduled article keeps what publishing requires
                body = previousBody;
                throw new ArticleValidationException(problems);
            }
        }
        updatedAt = now(clock);
    }

    /** A writer hands the draft to an editor. */
    public void submitForReview(Clock clock) {
        requireStatus("submit it for review", ArticleStatus.DRAFT);
        status = ArticleStatus.IN_REVIEW;
        updatedAt = now(clock);
    }

    /** Back to the writer: from review, from the schedule, or after unpublishing. */
    public void returnToDraft(Clock clock) {
        requireStatus("return it to draft", ArticleStatus.IN_REVIEW, ArticleStatus.SCHEDULED, ArticleStatus.UNPUBLISHED);
        status = ArticleStatus.DRAFT;
        scheduledAt = null;
        updatedAt = now(clock);
    }

    /** Publishes now. An article published before and then unpublished keeps its first publication time. */
    public void publish(Clock clock) {
        if (status == ArticleStatus.PUBLISHED) {
            throw new ArticleException("The article is already published.");
        }
        requireReadyToPublish();
        Instant now = now(clock);
        status = ArticleStatus.PUBLISHED;
        scheduledAt = null;
        if (publishedAt == null) {
            publishedAt = now;
        }
        updatedAt = now;
    }

    /** Sets the article to go live at {@code at}, which must lie in the future. */
    public void schedule(Instant at, Clock clock) {
        requireStatus("schedule it", ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.UNPUBLISHED,
                ArticleStatus.SCHEDULED);
        Instant now = now(clock);
        if (at == null || !at.isAfter(now)) {
            throw new ArticleValidationException(Map.of("scheduledAt", "Choose a publication time in the future."));
        }
        requireReadyToPublish();
        status = ArticleStatus.SCHEDULED;
        scheduledAt = at.truncatedTo(ChronoUnit.MICROS);
        updatedAt = now;
    }

    /** The scheduler's move: a scheduled article whose time has come goes live, dated at its scheduled time. */
    public boolean publishIfDue(Clock clock) {
        if (status != ArticleStatus.SCHEDULED || scheduledAt.isAfter(clock.instant())
                || !problemsBeforePublishing().isEmpty()) {
            return false;
        }
        status = ArticleStatus.PUBLISHED;
        if (publishedAt == null) {
            publishedAt = scheduledAt;
        }
        updatedAt = now(clock);
        scheduledAt = null;
        return true;
    }

    public void unpublish(Clock clock) {
        requireStatus("unpublish it", ArticleStatus.PUBLISHED);
        status = ArticleStatus.UNPUBLISHED;
        updatedAt = now(clock);
    }

    /** Everything a published article needs, as one message per form field. */
    public Map<String, String> problemsBeforePublishing() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (content.authorIds().isEmpty()) {
            problems.put("authorIds", "A published article needs at least one author.");
        }
        if (body.words() == 0) {
            problems.put("bodyMarkdown", "A published article needs a body.");
        }
        LeadImage image = content.leadImage();
        if (image != null && image.alt().isEmpty()) {
            problems.put("leadImageAlt", "Describe the lead image for readers who cannot see it (alt text).");
        }
        if (image != null && image.credit().isEmpty()) {
            problems.put("leadImageCredit", "Credit the lead image (photographer / agency).");
        }
        return problems;
    }

    private void requireReadyToPublish() {
        Map<String, String> problems = problemsBeforePublishing();
        if (!problems.isEmpty()) {
            throw new ArticleValidationException(problems);
        }
    }

    private void requireStatus(String action, ArticleStatus... allowed) {
        if (!EnumSet.of(allowed[0], allowed).contains(status)) {
            throw new ArticleException("A " + status.label().toLowerCase(java.util.Locale.ROOT)
                    + " article cannot " + action + ".");
        }
    }

    public int readingMinutes() {
        int images = body.imageCount() + (content.leadImage() == null ? 0 : 1);
        return ReadingTime.minutes(body.words(), images);
    }

    /** Every field within its limits and a usable slug, or one message per field that is not. */
    private static void requireStorable(ArticleContent content) {
        Map<String, String> problems = new LinkedHashMap<>(content.problems());
        if (problems.isEmpty()) {
            String slug = content.slug().isBlank() ? Slugs.slugify(content.headline()) : content.slug();
            if (!Slugs.isValid(slug)) {
                problems.put("slug", content.slug().isBlank()
                        ? "Give the article a slug: its headline has no letters or digits a URL can use."
                        : "The slug \"" + slug + "\" may only use a-z, 0-9 and single hyphens, at most "
                        + Slugs.MAX_LENGTH + " characters.");
            }
        }
        if (!problems.isEmpty()) {
            throw new ArticleValidationException(problems);
        }
    }

    private static String slugFor(ArticleContent content) {
        return content.slug().isBlank() ? Slugs.slugify(content.headline()) : content.slug();
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
    }

    void assignId(long id) {
        this.id = id;
    }

    void savedAs(int newVersion) {
        this.version = newVersion;
    }

    List<String> takeRetiredSlugs() {
        List<String> taken = List.copyOf(retiredSlugs);
        retiredSlugs.clear();
        return taken;
    }

    public Long id() { return id; }
    public int version() { return version; }
    public Instant scheduledAt() { return scheduledAt; }
    public Long createdBy() { return createdBy; }
    public String slug() { return slug; }
    public ArticleContent content() { return content; }
    public RenderedMarkdown body() { return body; }
    public ArticleStatus status() { return status; }
    public Instant publishedAt() { return publishedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
