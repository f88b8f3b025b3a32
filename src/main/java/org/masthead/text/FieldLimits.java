package org.masthead.text;

/**
 * The longest value each staff-set text field accepts, in characters unless stated. The domain checks them on
 * every write (HTML {@code maxlength} attributes only repeat them for the browser), and the README lists them.
 */
public final class FieldLimits {

    public static final int HEADLINE = 300;
    public static final int STANDFIRST = 1_000;
    public static final int SLUG = Slugs.MAX_LENGTH;
    public static final int TAG = 60;
    public static final int TAGS_PER_ARTICLE = 30;
    /** The article body's source, in bytes of UTF-8. */
    public static final int BODY_BYTES = 1_000_000;
    public static final int NAME = 120;
    public static final int JOB_TITLE = 120;
    public static final int BIO = 2_000;
    public static final int DESCRIPTION = 500;
    public static final int TAGLINE = 200;
    public static final int ALT = 500;
    public static final int CAPTION = 1_000;
    public static final int CREDIT = 200;
    public static final int CORRECTION = 2_000;
    public static final int LINKS_PER_AUTHOR = 10;
    public static final int URL = 2_000;
    public static final int EMAIL = 254;
    public static final int FILE_NAME = 255;
    /** Search and social titles and descriptions (as Ghost allows them). */
    public static final int SEO_TITLE = 300;
    public static final int SEO_DESCRIPTION = 500;
    /** A note sent with a story to review or back to its writer. */
    public static final int REVIEW_NOTE = 2_000;

    private FieldLimits() {
    }
}
