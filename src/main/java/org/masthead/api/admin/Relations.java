package org.masthead.api.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.api.GhostError;
import org.masthead.api.ghost.AuthorRow;
import org.masthead.api.ghost.TagRow;
import org.masthead.api.ghost.TaxonomyReader;
import org.masthead.body.BodyDocument;
import org.masthead.body.BodyNode;
import org.masthead.content.LeadImage;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.content.Tag;
import org.masthead.identity.StaffAccounts;
import org.masthead.identity.StaffMember;
import org.masthead.identity.StaffRole;
import org.masthead.media.MediaFile;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaUrls;
import org.masthead.system.Site;
import org.masthead.system.SiteSettings;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What an Admin API post names by reference, found the ways Ghost clients name it: tags by name, slug or id
 * (a new name makes a new tag), authors by email, slug or id (none means the site owner, as in Ghost), Masthead's
 * section by slug, name or id (none means the section the primary tag names, else the first), and pictures by
 * their address on this site.
 */
@Component
class Relations {

    private final TaxonomyReader taxonomy;
    private final Sections sections;
    private final StaffAccounts staff;
    private final MediaLibrary media;
    private final MediaUrls urls;
    private final SiteSettings site;

    Relations(TaxonomyReader taxonomy, Sections sections, StaffAccounts staff, MediaLibrary media, MediaUrls urls,
              SiteSettings site) {
        this.taxonomy = taxonomy;
        this.sections = sections;
        this.staff = staff;
        this.media = media;
        this.urls = urls;
        this.site = site;
    }

    Site site() {
        return site.current();
    }

    /** Tag names for the write path, which finds existing tags by name or slug and creates the others. */
    List<String> tagNames(List<JsonNode> tags) {
        List<String> names = new ArrayList<>();
        for (JsonNode tag : tags) {
            if (tag.isString()) {
                names.add(tag.asString());
            } else if (tag.isObject() && tag.hasNonNull("id")) {
                names.add(taxonomy.tag(true, "public_id", tag.get("id").asString(), false).map(TagRow::name)
                        .orElseThrow(() -> GhostError.validation("tags", "No tag has the id " + tag.get("id").asString() + ".")));
            } else if (tag.isObject() && tag.hasNonNull("slug")) {
                String slug = tag.get("slug").asString();
                names.add(taxonomy.tag(true, "slug", slug, false).map(TagRow::name)
                        .orElse(tag.hasNonNull("name") ? tag.get("name").asString() : slug));
            } else if (tag.isObject() && tag.hasNonNull("name")) {
                names.add(tag.get("name").asString());
            } else {
                throw GhostError.validation("tags", "Name each tag by name, or as {\"name\"}, {\"slug\"} or {\"id\"}.");
            }
        }
        return names;
    }

    /** Byline profiles, in order. */
    List<Long> authorIds(List<JsonNode> authors) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode author : authors) {
            long id;
            if (author.isString()) {
                id = author.asString().contains("@") ? byEmail(author.asString()) : bySlug(author.asString());
            } else if (author.isObject() && author.hasNonNull("id")) {
                String publicId = author.get("id").asString();
                id = taxonomy.authorBy("public_id", publicId).map(AuthorRow::id)
                        .orElseThrow(() -> GhostError.validation("authors", "No author has the id " + publicId + "."));
            } else if (author.isObject() && author.hasNonNull("email")) {
                id = byEmail(author.get("email").asString());
            } else if (author.isObject() && author.hasNonNull("slug")) {
                id = bySlug(author.get("slug").asString());
            } else {
                throw GhostError.validation("authors", "Name each author by email, or as {\"email\"}, {\"slug\"} or {\"id\"}.");
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private long bySlug(String slug) {
        return taxonomy.authorBy("slug", slug).map(AuthorRow::id)
                .orElseThrow(() -> GhostError.validation("authors", "No author has the slug \"" + slug + "\"."));
    }

    private long byEmail(String email) {
        StaffMember member = staff.findByEmail(email)
                .orElseThrow(() -> GhostError.validation("authors", "No staff member has the email " + email + "."));
        if (member.authorId() == null) {
            throw GhostError.validation("authors", member.displayName() + " has no byline profile to write under.");
        }
        return member.authorId();
    }

    /** Ghost's default author for an integration: the owner — here the first Administrator with a byline. */
    Optional<Long> owner() {
        return staff.all().stream()
                .filter(member -> member.role() == StaffRole.ADMINISTRATOR && member.enabled() && member.authorId() != null)
                .min(java.util.Comparator.comparingLong(StaffMember::id))
                .map(StaffMember::authorId);
    }

    Long sectionId(JsonNode section) {
        if (section == null || section.isNull()) {
            return null;
        }
        String key = section.isObject()
                ? section.hasNonNull("slug") ? section.get("slug").asString() : section.path("name").asString("")
                : section.asString();
        return sections.all().stream()
                .filter(candidate -> candidate.slug().equals(key) || candidate.name().equalsIgnoreCase(key)
                        || String.valueOf(candidate.id()).equals(key))
                .map(Section::id).findFirst()
                .orElseThrow(() -> GhostError.validation("section", "No section is called \"" + key + "\"; the sections are "
                        + String.join(", ", sections.all().stream().map(Section::slug).toList()) + "."));
    }

    /** The section a Ghost post belongs in: the one its primary tag names, else the first of the site's sections. */
    Long defaultSection(List<String> tagNames) {
        List<Section> all = sections.all();
        if (!tagNames.isEmpty()) {
            String primary = tagNames.get(0);
            Optional<Section> named = all.stream().filter(section -> section.name().equalsIgnoreCase(primary)
                    || section.slug().equals(Tag.slugFor(primary))).findFirst();
            if (named.isPresent()) {
                return named.get().id();
            }
        }
        return all.isEmpty() ? null : all.get(0).id();
    }

    /** The library picture at an address of this site; pictures elsewhere must be uploaded first. */
    long libraryPicture(String field, String url) {
        return urls.fileNameOf(url, site.current().base()).flatMap(media::findByStoredName).map(MediaFile::id)
                .orElseThrow(() -> GhostError.validation(field, "\"" + field + "\" must be an image uploaded to this site "
                        + "(POST /ghost/api/admin/images/upload/ returns its address)."));
    }

    LeadImage describedPicture(long mediaId) {
        return media.find(mediaId).map(file -> new LeadImage(mediaId, file.alt(), file.caption(), file.credit()))
                .orElse(new LeadImage(mediaId, "", "", ""));
    }

    /** Pictures in a body given by their address on this site become the library pictures they are. */
    BodyDocument withLibraryPictures(BodyDocument document) {
        return new BodyDocument(document.blocks().stream().map(this::withLibraryPicture).toList());
    }

    private BodyNode withLibraryPicture(BodyNode node) {
        BodyNode mapped = node;
        if ("image".equals(node.type()) && node.number("mediaId") == null && !node.attr("src").isBlank()) {
            Optional<MediaFile> file = urls.fileNameOf(node.attr("src"), site.current().base()).flatMap(media::findByStoredName);
            if (file.isPresent()) {
                Map<String, Object> attrs = new LinkedHashMap<>(node.attrs());
                attrs.remove("src");
                attrs.put("mediaId", file.get().id());
                mapped = new BodyNode(node.type(), attrs, node.content(), node.marks(), node.text());
            }
        }
        return mapped.content().isEmpty() ? mapped
                : mapped.withContent(mapped.content().stream().map(this::withLibraryPicture).toList());
    }
}
