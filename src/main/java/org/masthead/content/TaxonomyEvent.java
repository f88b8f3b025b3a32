package org.masthead.content;

import java.time.Instant;
import java.util.UUID;

/**
 * Changes to sections, author profiles and tags: each names the thing as it is now and as it was, so listeners can
 * re-index, purge and notify exactly what changed (an author's renamed byline is on every article of theirs).
 */
public sealed interface TaxonomyEvent {

    UUID eventId();

    Instant at();

    record SectionCreated(UUID eventId, Section section, Instant at) implements TaxonomyEvent {
    }

    record SectionRenamed(UUID eventId, Section section, String previousName, Instant at) implements TaxonomyEvent {
    }

    /** Description or position changed; the name stayed. */
    record SectionEdited(UUID eventId, Section section, Section previous, Instant at) implements TaxonomyEvent {
    }

    record SectionDeleted(UUID eventId, Section section, Instant at) implements TaxonomyEvent {
    }

    record AuthorCreated(UUID eventId, Author author, Instant at) implements TaxonomyEvent {
    }

    record AuthorRenamed(UUID eventId, Author author, String previousName, Instant at) implements TaxonomyEvent {
    }

    /** Job title, bio, avatar or links changed; the name stayed. */
    record AuthorEdited(UUID eventId, Author author, Author previous, Instant at) implements TaxonomyEvent {
    }

    record AuthorDeleted(UUID eventId, Author author, Instant at) implements TaxonomyEvent {
    }

    record TagCreated(UUID eventId, Tag tag, Instant at) implements TaxonomyEvent {
    }

    /** Many tags at once, by an import: one event for the batch. */
    record TagsCreated(UUID eventId, java.util.List<Tag> tags, Instant at) implements TaxonomyEvent {
        public TagsCreated {
            tags = java.util.List.copyOf(tags);
        }
    }

    record TagRenamed(UUID eventId, Tag tag, Tag previous, Instant at) implements TaxonomyEvent {
    }

    record TagEdited(UUID eventId, Tag tag, Tag previous, Instant at) implements TaxonomyEvent {
    }

    /** @param articleIds the articles that carried it (they lost the tag) */
    record TagDeleted(UUID eventId, Tag tag, java.util.List<Long> articleIds, Instant at) implements TaxonomyEvent {
    }
}
