package org.masthead.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleValidationException;
import org.masthead.content.Authors;
import org.masthead.content.Sections;
import org.masthead.media.MediaLibrary;
import org.masthead.text.FieldErrors;
import org.masthead.text.FieldLimits;
import org.springframework.stereotype.Component;

/**
 * Checks that what an article points at exists — its section, its bylines, its lead image — and adds a guest
 * byline, so a stale or forged request gets a message on the field instead of a foreign-key error.
 */
@Component
public class ArticleReferences {

    private final Sections sections;
    private final Authors authors;
    private final MediaLibrary media;

    ArticleReferences(Sections sections, Authors authors, MediaLibrary media) {
        this.sections = sections;
        this.authors = authors;
        this.media = media;
    }

    /** The content with the guest byline added; refused with field messages when a reference is unknown. */
    public ArticleContent resolve(ArticleContent content, String guestByline) {
        FieldErrors errors = new FieldErrors();
        if (content.sectionId() != null && sections.findById(content.sectionId()).isEmpty()) {
            errors.add("sectionId", "Choose a section.");
        }
        List<Long> missing = content.authorIds().stream().filter(id -> authors.findById(id).isEmpty()).toList();
        if (!missing.isEmpty()) {
            errors.add("authorIds", "An author you chose no longer exists (id " + missing.get(0) + "); choose another.");
        }
        if (content.leadImage() != null && media.find(content.leadImage().mediaId()).isEmpty()) {
            errors.add("leadImageId", "The lead image no longer exists in the media library; choose or upload another.");
        }
        if (content.seo().ogImageId() != null && media.find(content.seo().ogImageId()).isEmpty()) {
            errors.add("ogImageId", "The social image no longer exists in the media library; choose another.");
        }
        if (content.seo().twitterImageId() != null && media.find(content.seo().twitterImageId()).isEmpty()) {
            errors.add("twitterImageId", "The X/Twitter image no longer exists in the media library; choose another.");
        }
        String guest = errors.line("guestByline", "A guest byline", guestByline, FieldLimits.NAME);
        if (!errors.isEmpty()) {
            throw new ArticleValidationException(errors.asMap());
        }
        if (guest.isEmpty()) {
            return content;
        }
        long guestId;
        try {
            guestId = authors.findOrCreateGuest(guest).id();
        } catch (IllegalArgumentException e) {
            throw new ArticleValidationException(Map.of("guestByline", e.getMessage()));
        }
        List<Long> bylines = new ArrayList<>(content.authorIds());
        if (!bylines.contains(guestId)) {
            bylines.add(guestId);
        }
        return content.withAuthors(bylines);
    }
}
