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
        return resolve(content, guestByline, null);
    }

    /**
     * As {@link #resolve(ArticleContent, String)}, trusting references this memo saw exist moments ago: an importer
     * checks the same few sections, writers and pictures for every article of a big archive, and the foreign keys
     * still refuse the batch if one vanished since.
     */
    public ArticleContent resolve(ArticleContent content, String guestByline, java.util.Map<String, Boolean> seenToExist) {
        FieldErrors errors = new FieldErrors();
        if (content.sectionId() != null && !exists(seenToExist, "section:" + content.sectionId(),
                () -> sections.findById(content.sectionId()).isPresent())) {
            errors.add("sectionId", "Choose a section.");
        }
        List<Long> missing = content.authorIds().stream().filter(id -> !exists(seenToExist, "author:" + id,
                () -> authors.findById(id).isPresent())).toList();
        if (!missing.isEmpty()) {
            errors.add("authorIds", "An author you chose no longer exists (id " + missing.get(0) + "); choose another.");
        }
        if (content.leadImage() != null && !exists(seenToExist, "media:" + content.leadImage().mediaId(),
                () -> media.find(content.leadImage().mediaId()).isPresent())) {
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

    private static boolean exists(java.util.Map<String, Boolean> seenToExist, String key,
                                  java.util.function.BooleanSupplier lookup) {
        if (seenToExist == null) {
            return lookup.getAsBoolean();
        }
        if (seenToExist.containsKey(key)) {
            return true;
        }
        boolean found = lookup.getAsBoolean();
        if (found) {
            seenToExist.put(key, true);
        }
        return found;
    }
}
