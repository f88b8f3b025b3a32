package org.masthead.archive.source;

/**
 * A picture the archive refers to, to be fetched or unpacked into the media library.
 *
 * @param url     absolute ("https://example.org/wp-content/uploads/2024/02/x.jpg") or site-relative
 *                ("/content/images/2024/02/x.jpg", "__GHOST_URL__/content/images/x.jpg") address
 * @param caption may contain simple inline HTML (links), as both WordPress and Ghost allow
 */
public record SourceImage(String url, String alt, String caption, String credit) {

    public SourceImage {
        url = url == null ? null : url.strip();
        alt = SourceAuthor.blankToNull(alt);
        caption = SourceAuthor.blankToNull(caption);
        credit = SourceAuthor.blankToNull(credit);
    }
}
