package org.masthead.content.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.masthead.content.Actor;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleEvent;
import org.masthead.content.ArticleException;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleSnapshot;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleValidationException;
import org.masthead.content.Correction;
import org.masthead.content.LeadImage;
import org.masthead.content.ReadingTime;
import org.masthead.body.BodyRenderer;
import org.masthead.body.BodyRenderer.RenderedBody;
import org.masthead.text.Slugs;

/**
 * An article or static page and the rules of its life: content is rendered when it is set, publishing checks what
 * a published article needs, a changed slug is remembered so old links keep working, and the workflow only moves
 * along draft → in review → scheduled / published → unpublished (and back to draft). Each command leaves exactly
 * one event behind, which the store publishes with the change.
 */
public final class Article {

    /** Addresses a page cannot take: they belong to the site's own routes. */
    static final Set<String> RESERVED_PAGE_SLUGS = Set.of("admin", "articles", "sections", "authors", "tags", "pages",
            "news-feed", "search", "media", "assets", "feed", "sitemap", "sitemaps", "robots", "ghost", "actuator",
            "api", "login", "live", "favicon");

    private Long id;
    private final ArticleKind kind;
    private int version;
    private Instant scheduledAt;
    private Long createdBy;
    private Long createdByIntegration;
    /** The Ghost-style id and uuid readers of the APIs know it by; null for a new article until stored (or given). */
    private String publicId;
    private UUID uuid;
    private ArticleContent content;
    private String slug;
    private RenderedBody body;
    private ArticleStatus status;
    private Instant publishedAt;
    private final Instant createdAt;
    private Instant updatedAt;
    private final List<String> retiredSlugs = new ArrayList<>();
    /** The stored slugs of the tags, in order; null until the store has resolved new tag names to tags. */
    private List<String> tagSlugs = List.of();
    /** The tag names as loaded, to tell whether a command changed them. */
    private List<String> loadedTagNames;

    /** As loaded (null for a new article): the "previous" of the event this command raises. */
    private ArticleSnapshot loaded;
    private boolean contentChanged;
    private boolean created;
    private boolean deleted;
    private Correction correction;
    private boolean imported;
    private String importKey;
    private boolean slugFollowsHeadline;

    private Article(Long id, ArticleKind kind, ArticleContent content, String slug, RenderedBody body,
                    ArticleStatus status, Instant publishedAt, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.kind = kind;
        this.content = content;
        this.slug = slug;
        this.body = body;
        this.status = status;
        this.publishedAt = publishedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new draft, owned by the staff member or integration creating it. */
    public static Article draft(ArticleKind kind, ArticleContent content, BodyRenderer renderer, Clock clock, Actor creator) {
        if (content.headline().isBlank() && content.slug().isBlank()) {
            // an untitled draft (autosaved from its first keystroke) needs an address of its own until it has a headline
            content = content.withSlug("untitled-" + java.util.HexFormat.of().formatHex(randomBytes()));
        }
        requireStorable(kind, content);
        boolean derived = content.slug().isBlank();
        content = withEffectiveSlug(content);
        Instant now = now(clock);
        Article article = new Article(null, kind, content, slugFor(content), render(renderer, content.bodySource(),
                content.bodyFormat()), ArticleStatus.DRAFT, null, now, now);
        article.slugFollowsHeadline = derived;
        article.createdBy = creator.staffId();
        article.createdByIntegration = creator.kind() == Actor.Kind.INTEGRATION ? creator.id() : null;
        article.created = true;
        article.tagSlugs = content.tags().isEmpty() ? List.of() : null;
        return article;
    }

    /** Who made a stored article: a staff member or an integration (either may be null), and its public ids. */
    public record Origin(Long createdBy, Long createdByIntegration, String publicId, UUID uuid) {
    }

    /** @param tagSlugs the stored slugs of the article's tags, in the order of {@code content.tags()} */
    public static Article load(long id, ArticleKind kind, int version, ArticleContent content, List<String> tagSlugs,
                               String slug, RenderedBody body, ArticleStatus status, Instant publishedAt,
                               Instant scheduledAt, Origin origin, Instant createdAt, Instant updatedAt) {
        Article article = new Article(id, kind, content, slug, body, status, publishedAt, createdAt, updatedAt);
        article.version = version;
        article.tagSlugs = List.copyOf(tagSlugs);
        article.loadedTagNames = content.tags();
        article.scheduledAt = scheduledAt;
        article.createdBy = origin.createdBy();
        article.createdByIntegration = origin.createdByIntegration();
        article.publicId = origin.publicId();
        article.uuid = origin.uuid();
        article.loaded = article.snapshot();
        return article;
    }

    /** New content; nothing changes (and no event is raised) when it is the same as before. */
    public void revise(ArticleContent requested, BodyRenderer renderer, Clock clock) {
        if (requested.headline().isBlank()) {
            if (status != ArticleStatus.DRAFT) {
                throw new ArticleValidationException(Map.of("headline", "Write a headline."));
            }
            if (requested.slug().isBlank()) {
                requested = requested.withSlug(slug); // still untitled: it keeps its address
            }
        }
        if (requested.slug().isBlank() && isMadeFrom(slug, Slugs.slugify(requested.headline()))) {
            requested = requested.withSlug(slug); // the headline's slug, made unique once: unchanged
        }
        slugFollowsHeadline = requested.slug().isBlank();
        requireStorable(kind, requested);
        ArticleContent revised = withEffectiveSlug(requested);
        if (revised.equals(content)) {
            return;
        }
        String newSlug = slugFor(revised);
        RenderedBody newBody = revised.bodySource().equals(content.bodySource()) && revised.bodyFormat() == content.bodyFormat()
                ? body : render(renderer, revised.bodySource(), revised.bodyFormat());
        if (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED) {
            // a live or scheduled article keeps what publishing requires
            Map<String, String> problems = problemsBeforePublishing(revised, newBody);
            if (!problems.isEmpty()) {
                throw new ArticleValidationException(problems);
            }
        }
        if (!newSlug.equals(slug)) {
            if (publishedAt != null) {
                retiredSlugs.add(slug); // readers may know the old address; a draft's never was public
            }
            slug = newSlug;
        }
        if (!revised.tags().equals(content.tags())) {
            tagSlugs = null; // the store links the new names to tags
        }
        content = revised;
        body = newBody;
        contentChanged = true;
        updatedAt = now(clock);
    }

    /** A writer hands the draft to an editor. */
    public void submitForReview(Clock clock) {
        requireStatus("submit it for review", ArticleStatus.DRAFT);
        Map<String, String> missing = new LinkedHashMap<>();
        headlineAndSection(content, missing);
        if (!missing.isEmpty()) {
            throw new ArticleValidationException(missing);
        }
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
        Instant now = now(clock);
        markPublished(now, now); // one instant: a story published now is not also "updated" a moment later
    }

    /**
     * Publishes with a given first publication time (an archive's own date, a demo story's), while the change
     * itself is dated now.
     */
    public void publishAt(Instant firstPublished, Clock clock) {
        markPublished(firstPublished, now(clock));
    }

    private void markPublished(Instant firstPublished, Instant now) {
        if (status == ArticleStatus.PUBLISHED) {
            throw new ArticleException("The article is already published.");
        }
        requireReadyToPublish();
        status = ArticleStatus.PUBLISHED;
        scheduledAt = null;
        if (publishedAt == null) {
            publishedAt = firstPublished.truncatedTo(ChronoUnit.MICROS);
        }
        updatedAt = max(now, publishedAt);
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
                || !problemsBeforePublishing(content, body).isEmpty()) {
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

    /** A dated correction or update note on a published article; the article counts as modified then. */
    public void addCorrection(Correction note) {
        requireStatus("take a correction (only published articles do)", ArticleStatus.PUBLISHED);
        correction = note;
        updatedAt = note.publishedAt().truncatedTo(ChronoUnit.MICROS);
    }

    public void delete(Clock clock) {
        deleted = true;
        updatedAt = now(clock);
    }

    /** The change comes from an import: listeners that notify the outside world stay quiet. */
    public void markImported() {
        imported = true;
    }

    /** A new article from an archive, remembered by what the archive called it so a re-run finds it. */
    public void markImported(String key) {
        if (!created) {
            throw new IllegalStateException("Only a new article takes an import key");
        }
        imported = true;
        importKey = key;
    }

    public String importKey() {
        return importKey;
    }

    /** Keeps the ids an archive knew the article by (a new article only), so links and integrations still match. */
    public void keepPublicIds(String givenPublicId, UUID givenUuid) {
        if (!created) {
            throw new IllegalStateException("Only a new article takes given ids");
        }
        if (givenPublicId != null && !givenPublicId.matches("[0-9a-f]{24}")) {
            throw new ArticleValidationException(Map.of("id", "An id is 24 hexadecimal digits (0-9, a-f)."));
        }
        this.publicId = givenPublicId;
        this.uuid = givenUuid;
    }

    /** Everything a published article needs, as one message per form field. */
    public Map<String, String> problemsBeforePublishing() {
        return problemsBeforePublishing(content, body);
    }

    private Map<String, String> problemsBeforePublishing(ArticleContent candidate, RenderedBody candidateBody) {
        Map<String, String> problems = new LinkedHashMap<>();
        headlineAndSection(candidate, problems);
        if (kind == ArticleKind.ARTICLE && candidate.authorIds().isEmpty()) {
            problems.put("authorIds", "A published article needs at least one author.");
        }
        if (importKey != null) {
            // an archive's story was published elsewhere already: it comes in as it was (a picture post without
            // words, a lead picture without alt text or credit), and the import report lists what to complete
            return problems;
        }
        if (candidateBody.words() == 0) {
            problems.put("body", "A published " + (kind == ArticleKind.PAGE ? "page" : "article") + " needs a body.");
        }
        LeadImage image = candidate.leadImage();
        if (image != null && image.alt().isEmpty()) {
            problems.put("leadImageAlt", "Describe the lead image for readers who cannot see it (alt text).");
        }
        if (image != null && image.credit().isEmpty()) {
            problems.put("leadImageCredit", "Credit the lead image (photographer / agency).");
        }
        return problems;
    }

    private void headlineAndSection(ArticleContent candidate, Map<String, String> problems) {
        if (candidate.headline().isBlank()) {
            problems.put("headline", "Write a headline.");
        }
        if (kind == ArticleKind.ARTICLE && candidate.sectionId() == null) {
            problems.put("sectionId", "Choose a section.");
        }
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
    private static void requireStorable(ArticleKind kind, ArticleContent content) {
        Map<String, String> problems = new LinkedHashMap<>(content.problems());
        if (problems.isEmpty()) {
            String slug = slugFor(content);
            if (!Slugs.isValid(slug)) {
                problems.put("slug", content.slug().isBlank()
                        ? "Give the article a slug: its headline has no letters or digits a URL can use."
                        : "The slug \"" + slug + "\" may only use a-z, 0-9 and single hyphens, at most "
                        + Slugs.MAX_LENGTH + " characters.");
            } else if (kind == ArticleKind.PAGE && RESERVED_PAGE_SLUGS.contains(slug)) {
                problems.put("slug", "The address /" + slug + " belongs to the site; choose another slug for this page.");
            }
        }
        if (!problems.isEmpty()) {
            throw new ArticleValidationException(problems);
        }
    }

    /** The content as stored: a blank slug is the one made from the headline, so unchanged content compares equal. */
    private static ArticleContent withEffectiveSlug(ArticleContent content) {
        String slug = slugFor(content);
        return slug.equals(content.slug()) ? content : content.withSlug(slug);
    }

    private static final java.util.regex.Pattern SUFFIXED = java.util.regex.Pattern.compile("(.+)-(\\d{1,3})");

    /** Whether {@code slug} is {@code derived}, or derived with the "-2", "-3"… the store adds to keep it unique. */
    private static boolean isMadeFrom(String slug, String derived) {
        if (derived.isEmpty() || slug.equals(derived)) {
            return !derived.isEmpty();
        }
        java.util.regex.Matcher suffixed = SUFFIXED.matcher(slug);
        if (!suffixed.matches()) {
            return false;
        }
        String base = suffixed.group(1);
        // a long headline's slug is cut short to leave room for the suffix
        return base.equals(derived) || (slug.length() >= Slugs.MAX_LENGTH - 4 && derived.startsWith(base));
    }

    /** The slug comes from the headline, not from the writer: the store may make it unique. */
    public boolean slugFollowsHeadline() {
        return slugFollowsHeadline;
    }

    /** The store (or an import, for an archive's slug another article has) found the slug taken and chose this one. */
    public void useSlug(String unique) {
        slug = unique;
        content = content.withSlug(unique);
    }

    private static String slugFor(ArticleContent content) {
        return content.slug().isBlank() ? Slugs.slugify(content.headline()) : content.slug();
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** A body that cannot be rendered is a message on the body field, like any other invalid content. */
    private static RenderedBody render(BodyRenderer renderer, String source, org.masthead.body.BodyFormat format) {
        try {
            return renderer.render(source, format);
        } catch (org.masthead.body.InvalidBodyException e) {
            throw new ArticleValidationException(Map.of("body", e.getMessage()));
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Whether this command changed anything worth storing. */
    boolean isChanged() {
        return created || deleted || contentChanged || correction != null || loaded == null
                || !Objects.equals(loaded.status(), status) || !Objects.equals(loaded.scheduledAt(), scheduledAt)
                || !Objects.equals(loaded.publishedAt(), publishedAt);
    }

    /** Whether this command gave the article new content (a new article counts). */
    public boolean hasNewContent() {
        return created || contentChanged;
    }

    boolean isDeleted() {
        return deleted;
    }

    Correction correction() {
        return correction;
    }

    boolean authorsOrTagsChanged() {
        return loaded == null || !loaded.authorIds().equals(content.authorIds())
                || !content.tags().equals(loadedTagNames);
    }

    /** The store linked the tag names to these tags (their slugs, in order, one per distinct tag). */
    void tagsResolved(List<String> slugs) {
        this.tagSlugs = List.copyOf(slugs);
    }

    /** The one event this command raises, or null when nothing happened. */
    ArticleEvent event(Actor actor, Clock clock) {
        if (!isChanged()) {
            return null;
        }
        UUID eventId = UUID.randomUUID();
        ArticleSnapshot current = snapshot();
        ArticleSnapshot previous = loaded;
        Instant at = clock.instant();
        ArticleStatus before = previous == null ? null : previous.status();
        if (deleted) {
            return new ArticleEvent.Deleted(eventId, current, previous, actor, at, imported);
        }
        if (correction != null) {
            return new ArticleEvent.CorrectionAdded(eventId, current, previous, actor, at, imported, correction);
        }
        if (status == ArticleStatus.PUBLISHED && before != ArticleStatus.PUBLISHED) {
            return new ArticleEvent.Published(eventId, current, previous, actor, at, imported);
        }
        if (before == ArticleStatus.PUBLISHED && status != ArticleStatus.PUBLISHED) {
            return new ArticleEvent.Unpublished(eventId, current, previous, actor, at, imported);
        }
        if (created) {
            return new ArticleEvent.Created(eventId, current, previous, actor, at, imported);
        }
        if (status == ArticleStatus.SCHEDULED && before != ArticleStatus.SCHEDULED) {
            return new ArticleEvent.Scheduled(eventId, current, previous, actor, at, imported);
        }
        if (status == ArticleStatus.SCHEDULED && !Objects.equals(previous.scheduledAt(), scheduledAt)) {
            return new ArticleEvent.Rescheduled(eventId, current, previous, actor, at, imported);
        }
        if (before == ArticleStatus.SCHEDULED && status != ArticleStatus.SCHEDULED) {
            return new ArticleEvent.Unscheduled(eventId, current, previous, actor, at, imported);
        }
        if (status == ArticleStatus.IN_REVIEW && before == ArticleStatus.DRAFT) {
            return new ArticleEvent.SubmittedForReview(eventId, current, previous, actor, at, imported);
        }
        if (status == ArticleStatus.DRAFT && before != ArticleStatus.DRAFT) {
            return new ArticleEvent.ReturnedToDraft(eventId, current, previous, actor, at, imported);
        }
        if (status == ArticleStatus.PUBLISHED) {
            return new ArticleEvent.PublishedEdited(eventId, current, previous, actor, at, imported);
        }
        return new ArticleEvent.Edited(eventId, current, previous, actor, at, imported);
    }

    /** The ids and version the store gave the row it wrote. */
    void identify(long newId, int newVersion, String storedPublicId, UUID storedUuid) {
        this.id = newId;
        this.version = newVersion;
        this.publicId = storedPublicId;
        this.uuid = storedUuid;
    }

    /** After the store published the event: the next command on this object starts from here. */
    void settle() {
        this.loaded = snapshot();
        this.loadedTagNames = content.tags();
        this.created = false;
        this.contentChanged = false;
        this.correction = null;
        this.retiredSlugs.clear();
    }

    List<String> retiredSlugs() {
        return List.copyOf(retiredSlugs);
    }

    public ArticleSnapshot snapshot() {
        return new ArticleSnapshot(id == null ? 0 : id, kind, slug, content.sectionId(), content.authorIds(), tagSlugs(),
                status, "public", content.language(), content.headline(), publishedAt, updatedAt, scheduledAt);
    }

    private List<String> tagSlugs() {
        if (tagSlugs == null) {
            throw new IllegalStateException("The tags of article " + id + " are not linked yet");
        }
        return tagSlugs;
    }

    public Long id() { return id; }
    public ArticleKind kind() { return kind; }
    public int version() { return version; }
    public Instant scheduledAt() { return scheduledAt; }
    public Long createdBy() { return createdBy; }
    public Long createdByIntegration() { return createdByIntegration; }
    public String publicId() { return publicId; }
    public UUID uuid() { return uuid; }
    public String slug() { return slug; }
    public ArticleContent content() { return content; }
    public RenderedBody body() { return body; }
    public ArticleStatus status() { return status; }
    public Instant publishedAt() { return publishedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
