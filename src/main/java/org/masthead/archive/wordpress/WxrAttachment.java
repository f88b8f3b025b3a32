package org.masthead.archive.wordpress;

/**
 * A media item of the export (an item of type attachment), kept from the first pass so posts can use it: as
 * their featured image, and for the pictures of a {@code [gallery]} shortcode.
 *
 * @param parentId the post it was uploaded to (0: none)
 * @param caption  its caption, which WordPress keeps as the attachment's excerpt (may hold simple HTML)
 */
record WxrAttachment(long id, long parentId, String url, String alt, String caption) {

    /** What the body converter may look up; the reader's first pass provides it. */
    interface Lookup {

        Lookup NONE = new Lookup() {
            @Override
            public java.util.Optional<WxrAttachment> byId(long id) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.List<WxrAttachment> childrenOf(long postId) {
                return java.util.List.of();
            }
        };

        java.util.Optional<WxrAttachment> byId(long id);

        /** The media uploaded to a post, in file order (what a {@code [gallery]} without ids shows). */
        java.util.List<WxrAttachment> childrenOf(long postId);
    }
}
