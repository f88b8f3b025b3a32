package org.masthead.content;

/**
 * A stored image as shown to readers, with its caption and photo credit.
 *
 * @param sources     every stored JPEG or PNG size, the original last
 * @param webpSources the WebP copies of the same sizes (not the original), smallest first; empty where none were made
 */
public record Picture(String url, int width, int height, String alt, String caption, String credit,
                      java.util.List<Source> sources, java.util.List<Source> webpSources) {

    /** One stored size of the picture, smallest first; the last is the original. */
    public record Source(String url, int width) {
    }

    /** For {@code <img srcset>}. */
    public String srcset() {
        return srcset(sources);
    }

    /** For {@code <source type="image/webp" srcset>}; empty without WebP copies. */
    public String webpSrcset() {
        return srcset(webpSources);
    }

    private static String srcset(java.util.List<Source> sources) {
        return String.join(", ", sources.stream().map(source -> source.url() + " " + source.width() + "w").toList());
    }

    /** Sizes at least {@code minWidth} wide (for structured data, which wants large images), or the largest. */
    public java.util.List<Source> atLeast(int minWidth) {
        java.util.List<Source> large = sources.stream().filter(source -> source.width() >= minWidth).toList();
        return large.isEmpty() ? java.util.List.of(sources.get(sources.size() - 1)) : large;
    }
}
