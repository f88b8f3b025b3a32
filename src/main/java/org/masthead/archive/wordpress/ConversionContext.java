package org.masthead.archive.wordpress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What converting one post's body needs beyond its HTML: the post (a {@code [gallery]} without ids shows the media
 * uploaded to it), the export's attachments, the post's footnotes (WordPress keeps them in post meta), and the
 * warnings collected on the way (each once; dropped blocks named together).
 */
final class ConversionContext {

    private final long postId;
    private final WxrAttachment.Lookup attachments;
    private final String footnotes;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> siteBlocks = new LinkedHashSet<>();
    private final Set<String> emptyBlocks = new LinkedHashSet<>();

    ConversionContext(long postId, WxrAttachment.Lookup attachments, String footnotes) {
        this.postId = postId;
        this.attachments = attachments == null ? WxrAttachment.Lookup.NONE : attachments;
        this.footnotes = footnotes;
    }

    long postId() {
        return postId;
    }

    WxrAttachment.Lookup attachments() {
        return attachments;
    }

    /** The post's {@code footnotes} meta (JSON), or null. */
    String footnotes() {
        return footnotes;
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /** A block that shows the site (latest posts, search, navigation…) rather than the post, left out. */
    void droppedSiteBlock(String name) {
        siteBlocks.add(name);
    }

    /** A block with no content of its own (a plugin's dynamic block), left out. */
    void droppedEmptyBlock(String name) {
        emptyBlocks.add(name);
    }

    List<String> warnings() {
        List<String> all = new ArrayList<>();
        if (!siteBlocks.isEmpty()) {
            all.add("Left out WordPress blocks that show the site rather than the post: " + String.join(", ", siteBlocks) + ".");
        }
        if (!emptyBlocks.isEmpty()) {
            all.add("Left out WordPress blocks with no content of their own: " + String.join(", ", emptyBlocks) + ".");
        }
        all.addAll(warnings);
        return all;
    }
}
