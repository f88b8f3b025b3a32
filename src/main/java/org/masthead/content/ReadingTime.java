package org.masthead.content;

/**
 * "N min read": words at 238 words per minute, plus time spent on images — 12 seconds for the first (the lead
 * image counts), 11 for the second, and so on, never less than 3 seconds an image — rounded up to whole minutes.
 */
public final class ReadingTime {

    static final int WORDS_PER_MINUTE = 238;
    private static final int FIRST_IMAGE_SECONDS = 12;
    private static final int MIN_IMAGE_SECONDS = 3;

    private ReadingTime() {
    }

    public static int minutes(int words, int images) {
        double seconds = words * 60.0 / WORDS_PER_MINUTE;
        for (int i = 0; i < images; i++) {
            seconds += Math.max(FIRST_IMAGE_SECONDS - i, MIN_IMAGE_SECONDS);
        }
        return Math.max(1, (int) Math.ceil(seconds / 60.0));
    }
}
