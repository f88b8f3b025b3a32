package org.masthead.api.ghost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ghost's reading-minutes formula (@tryghost/helpers): 275 words a minute, pictures 12 s, 11 s, … at least 3 s. */
class GhostReadingTimeTests {

    @Test
    void wordsCountAtTwoHundredSeventyFiveAMinuteRounded() {
        assertThat(GhostReadingTime.minutes(275, 0)).isEqualTo(1);
        assertThat(GhostReadingTime.minutes(137, 0)).isZero();
        assertThat(GhostReadingTime.minutes(138, 0)).isEqualTo(1);
        assertThat(GhostReadingTime.minutes(2750, 0)).isEqualTo(10);
    }

    @Test
    void picturesAddTwelveSecondsThenOneLessEachDownToThree() {
        // 5 images: 12+11+10+9+8 = 50 s; with 275 words (60 s) that is 110 s, 1.83 min
        assertThat(GhostReadingTime.minutes(275, 5)).isEqualTo(2);
        // 15 images: 12+11+…+3 = 75, then 3+3+3+3+3 = 15: 90 s → 1.5 → 2
        assertThat(GhostReadingTime.minutes(0, 15)).isEqualTo(2);
        assertThat(GhostReadingTime.minutes(0, 1)).isZero();
    }
}
