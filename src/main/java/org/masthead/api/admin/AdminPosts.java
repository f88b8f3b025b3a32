package org.masthead.api.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.masthead.api.GhostError;
import org.masthead.api.ghost.GhostDates;
import org.masthead.api.ghost.PostReader;
import org.masthead.api.ghost.PostRow;
import org.masthead.api.integrations.Integration;
import org.masthead.body.BodyDocument;
import org.masthead.body.BodyFormat;
import org.masthead.body.BodyNode;
import org.masthead.body.InvalidBodyException;
import org.masthead.body.LexicalToBlocks;
import org.masthead.content.Actor;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;
import org.masthead.content.EditableArticle;
import org.masthead.content.LeadImage;
import org.masthead.content.Publishing;
import org.masthead.content.Publishing.Then;
import org.masthead.content.Seo;
import org.masthead.system.Site;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin API writes to posts and pages, turned into the one write path's commands with the integration as actor:
 * Ghost's fields become Masthead's content (a field not sent stays as it was), Ghost's status moves become
 * workflow moves the integration's role must allow, and Ghost's {@code updated_at} collision rule is applied
 * before anything is written. Each call is one transaction: the revision, the audit entry and the events commit
 * with the change, or nothing does.
 */
@Service
class AdminPosts {

    private final Publishing publishing;
    private final PostReader posts;
    private final Relations relations;
    private final Clock clock;

    AdminPosts(Publishing publishing, PostReader posts, Relations relations, Clock clock) {
        this.publishing = publishing;
        this.posts = posts;
        this.relations = relations;
        this.clock = clock;
    }

    /** @param sourceHtml the client sent {@code ?source=html}: its {@code html} is the body */
    @Transactional
    public PostRow add(Integration integration, ArticleKind kind, PostInput input, boolean sourceHtml) {
        if (input.text("title").isBlank()) {
            throw GhostError.validation("title", "Validation (isLength) failed for title: a " + noun(kind) + " needs a title.");
        }
        Site site = relations.site();
        ArticleContent empty = new ArticleContent("", "", null, null, List.of(), List.of(),
                BodyDocument.empty().toJson(), BodyFormat.BLOCKS, null, site.language(), Seo.NONE, false);
        ArticleContent content = content(input, empty, kind, sourceHtml, true);
        Then then = addMove(input);
        EditableArticle created = publishing.create(integration.actor(),
                new Publishing.Create(kind, content, "", then));
        return reread(kind, created.id());
    }

    @Transactional
    public PostRow edit(Integration integration, ArticleKind kind, String publicId, PostInput input, boolean sourceHtml) {
        Actor actor = integration.actor();
        PostRow stored = find(integration, kind, publicId);
        EditableArticle current = publishing.view(actor, stored.id());
        if (!input.has("updated_at") || input.isNull("updated_at")) {
            throw GhostError.validation("updated_at", "Validation (isRequired) failed for updated_at: send the updated_at "
                    + "you last read, so a change made meanwhile is not overwritten.");
        }
        Instant clientUpdatedAt = input.instant("updated_at");
        ArticleContent content = content(input, current.content(), kind, sourceHtml, false);
        Then then = editMove(input, current);
        boolean changes = !content.equals(current.content()) || !(then instanceof Then.Keep);
        if (changes && !GhostDates.millis(clientUpdatedAt).equals(GhostDates.millis(current.updatedAt()))) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("changedFields", changedFields(input));
            details.put("clientUpdatedAt", GhostDates.ADMIN.format(clientUpdatedAt));
            details.put("serverUpdatedAt", GhostDates.ADMIN.format(current.updatedAt()));
            throw GhostError.collision(details);
        }
        if (changes) {
            publishing.revise(actor, new Publishing.Revise(current.id(), current.version(), content, "", then));
        }
        return reread(kind, current.id());
    }

    @Transactional
    public void delete(Integration integration, ArticleKind kind, String publicId) {
        PostRow stored = find(integration, kind, publicId);
        EditableArticle current = publishing.view(integration.actor(), stored.id());
        publishing.delete(integration.actor(), new Publishing.Delete(current.id(), current.version()));
    }

    /** The post as this integration may see it: Contributors see only what they created. */
    PostRow find(Integration integration, ArticleKind kind, String publicId) {
        return posts.read(scope(integration, kind), "public_id", publicId)
                .orElseThrow(() -> GhostError.notFound(noun(kind, true) + " not found."));
    }

    Optional<PostRow> findBySlug(Integration integration, ArticleKind kind, String slug) {
        return posts.read(scope(integration, kind), "slug", slug);
    }

    static PostReader.Scope scope(Integration integration, ArticleKind kind) {
        return PostReader.Scope.all(kind, integration.role().includes(Actor.Role.REPORTER) ? null : integration.id());
    }

    private PostRow reread(ArticleKind kind, long id) {
        return posts.read(PostReader.Scope.all(kind, null), "id", id).orElseThrow();
    }

    /** Ghost's fields over the current content: what was sent replaces, what was not stays. */
    private ArticleContent content(PostInput input, ArticleContent base, ArticleKind kind, boolean sourceHtml, boolean adding) {
        String headline = input.has("title") ? input.text("title") : base.headline();
        String slug = input.has("slug") ? input.text("slug") : base.slug();
        String standfirst = input.has("custom_excerpt") ? input.text("custom_excerpt") : base.standfirst();
        String source = base.bodySource();
        BodyFormat format = base.bodyFormat();
        if (input.has("lexical") && !input.isNull("lexical")) {
            source = relations.withLibraryPictures(lexical(input.text("lexical"))).toJson();
            format = BodyFormat.BLOCKS;
        } else if (input.has("html") && !input.isNull("html")) {
            if (!sourceHtml) {
                throw GhostError.validation("html", "To send the body as HTML, add ?source=html to the request "
                        + "(or send it as lexical).");
            }
            source = input.text("html");
            format = BodyFormat.HTML;
        }
        List<String> tags = input.has("tags") ? relations.tagNames(input.list("tags")) : base.tags();
        List<Long> authors = input.has("authors") ? relations.authorIds(input.list("authors"))
                : adding ? relations.owner().map(List::of).orElse(List.of()) : base.authorIds();
        Long section = null;
        if (kind == ArticleKind.ARTICLE) {
            section = input.has("section") ? relations.sectionId(input.json().get("section"))
                    : base.sectionId() != null ? base.sectionId() : relations.defaultSection(tags);
        }
        return new ArticleContent(headline, slug, standfirst, section, authors, tags, source, format,
                leadImage(input, base.leadImage()), base.language(), seo(input, base.seo()),
                input.has("featured") ? input.bool("featured") : base.featured());
    }

    private static BodyDocument lexical(String json) {
        try {
            return LexicalToBlocks.convert(json);
        } catch (InvalidBodyException e) {
            throw GhostError.validation("lexical", e.getMessage());
        }
    }

    private LeadImage leadImage(PostInput input, LeadImage base) {
        Long mediaId = base == null ? null : base.mediaId();
        if (input.has("feature_image")) {
            mediaId = input.isNull("feature_image") || input.text("feature_image").isBlank() ? null
                    : relations.libraryPicture("feature_image", input.text("feature_image"));
        }
        if (mediaId == null) {
            return null;
        }
        String alt = input.has("feature_image_alt") ? input.text("feature_image_alt") : base == null ? "" : base.alt();
        String caption = input.has("feature_image_caption") ? Jsoup.parse(input.text("feature_image_caption")).text()
                : base == null ? "" : base.caption();
        String credit = input.has("feature_image_credit") ? input.text("feature_image_credit") : base == null ? "" : base.credit();
        if (base == null || base.mediaId() != mediaId) {
            // a new picture comes with the library's description where the client gave none
            LeadImage described = relations.describedPicture(mediaId);
            alt = alt.isBlank() ? described.alt() : alt;
            caption = caption.isBlank() ? described.caption() : caption;
            credit = credit.isBlank() ? described.credit() : credit;
        }
        return new LeadImage(mediaId, alt, caption, credit);
    }

    private Seo seo(PostInput input, Seo base) {
        Long ogImage = base.ogImageId();
        if (input.has("og_image")) {
            ogImage = input.text("og_image").isBlank() ? null : relations.libraryPicture("og_image", input.text("og_image"));
        }
        Long twitterImage = base.twitterImageId();
        if (input.has("twitter_image")) {
            twitterImage = input.text("twitter_image").isBlank() ? null
                    : relations.libraryPicture("twitter_image", input.text("twitter_image"));
        }
        return new Seo(pick(input, "meta_title", base.metaTitle()), pick(input, "meta_description", base.metaDescription()),
                pick(input, "og_title", base.ogTitle()), pick(input, "og_description", base.ogDescription()), ogImage,
                pick(input, "twitter_title", base.twitterTitle()), pick(input, "twitter_description", base.twitterDescription()),
                twitterImage, pick(input, "canonical_url", base.canonicalUrl()));
    }

    private static String pick(PostInput input, String field, String otherwise) {
        return input.has(field) ? input.text(field) : otherwise;
    }

    /** Created as a draft, published (at a given earlier time, if sent) or scheduled for a later one. */
    private Then addMove(PostInput input) {
        String status = input.has("status") ? input.text("status") : "draft";
        Instant at = input.instant("published_at");
        return switch (status) {
            case "", "draft" -> Then.KEEP;
            case "published" -> at == null || !at.isBefore(clock.instant()) ? Then.PUBLISH : new Then.Publish(at);
            case "scheduled" -> new Then.Schedule(requireFuture(at));
            default -> throw unknownStatus(status);
        };
    }

    /** Ghost's status change as a workflow move from where the article is now. */
    private Then editMove(PostInput input, EditableArticle current) {
        ArticleStatus now = current.status();
        Instant at = input.has("published_at") ? input.instant("published_at") : null;
        String status = input.has("status") ? input.text("status") : null;
        if (status == null || status.isEmpty()) {
            if (now == ArticleStatus.SCHEDULED && at != null
                    && !GhostDates.millis(at).equals(GhostDates.millis(current.scheduledAt()))) {
                return new Then.Schedule(requireFuture(at)); // rescheduled
            }
            requireSamePublicationTime(now, at, current);
            return Then.KEEP;
        }
        return switch (status) {
            case "draft" -> switch (now) {
                case PUBLISHED -> Then.UNPUBLISH;
                case SCHEDULED -> Then.RETURN_TO_DRAFT;
                default -> Then.KEEP;
            };
            case "published" -> {
                if (now == ArticleStatus.PUBLISHED) {
                    requireSamePublicationTime(now, at, current);
                    yield Then.KEEP;
                }
                yield at == null || !at.isBefore(clock.instant()) || current.publishedAt() != null ? Then.PUBLISH
                        : new Then.Publish(at);
            }
            case "scheduled" -> {
                Instant when = requireFuture(at != null ? at : current.scheduledAt());
                yield now == ArticleStatus.SCHEDULED && GhostDates.millis(when).equals(GhostDates.millis(current.scheduledAt()))
                        ? Then.KEEP : new Then.Schedule(when);
            }
            default -> throw unknownStatus(status);
        };
    }

    /** A published article keeps the time it was first published; Masthead does not move it afterwards. */
    private static void requireSamePublicationTime(ArticleStatus now, Instant at, EditableArticle current) {
        if (now == ArticleStatus.PUBLISHED && at != null
                && !GhostDates.millis(at).equals(GhostDates.millis(current.publishedAt()))) {
            throw GhostError.validation("published_at", "A published post keeps the time it was first published; "
                    + "published_at cannot be changed.");
        }
    }

    private Instant requireFuture(Instant at) {
        if (at == null || !at.isAfter(clock.instant())) {
            throw GhostError.validation("published_at", "A scheduled post needs a published_at in the future.");
        }
        return at;
    }

    private static GhostError unknownStatus(String status) {
        return GhostError.validation("status", "Validation (isIn) failed for status: \"" + status
                + "\" is not one of draft, published, scheduled.");
    }

    private static List<String> changedFields(PostInput input) {
        List<String> fields = new ArrayList<>();
        input.json().properties().forEach(field -> {
            if (!List.of("updated_at", "id").contains(field.getKey())) {
                fields.add(field.getKey());
            }
        });
        return fields;
    }

    private static String noun(ArticleKind kind) {
        return kind == ArticleKind.PAGE ? "page" : "post";
    }

    private static String noun(ArticleKind kind, boolean capital) {
        return capital ? (kind == ArticleKind.PAGE ? "Page" : "Post") : noun(kind);
    }
}
