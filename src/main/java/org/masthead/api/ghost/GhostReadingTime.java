package org.masthead.api.ghost;

/**
 * Reading time as Ghost's API reports it ({@code @tryghost/helpers} reading-minutes), so clients show the number
 * they expect: 275 words a minute, plus 12 seconds for the first picture, 11 for the second and so on, never
 * under 3, the feature image counting as one; rounded to whole minutes (0 for a very short post).
 */
public final class GhostReadingTime {

    private static final double WORDS_PER_SECOND = 275.0 / 60;

    private GhostReadingTime() {
    }

    public static int minutes(int words, int images) {
        double seconds = words / WORDS_PER_SECOND;
        for (int i = 12; i > 12 - images; i--) {
            seconds += Math.max(i, 3);
        }
        return (int) Math.round(seconds / 60);
    }
}
