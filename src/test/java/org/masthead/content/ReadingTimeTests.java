package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.text.WordCount;

class ReadingTimeTests {

    @Test
    void aShortTextIsAtLeastOneMinute() {
        assertThat(ReadingTime.minutes(0, 0)).isEqualTo(1);
        assertThat(ReadingTime.minutes(10, 0)).isEqualTo(1);
    }

    @Test
    void wordsAreReadAt238WordsPerMinuteRoundedUp() {
        assertThat(ReadingTime.minutes(238, 0)).isEqualTo(1);
        assertThat(ReadingTime.minutes(239, 0)).isEqualTo(2);
        assertThat(ReadingTime.minutes(476, 0)).isEqualTo(2);
        assertThat(ReadingTime.minutes(477, 0)).isEqualTo(3);
    }

    @Test
    void imagesAddTwelveSecondsThenOneLessEachNeverBelowThree() {
        // 226 words = 56.97 s; + 12 s for the lead image = 68.97 s -> 2 minutes
        assertThat(ReadingTime.minutes(226, 0)).isEqualTo(1);
        assertThat(ReadingTime.minutes(226, 1)).isEqualTo(2);
        // 12+11+10+9+8+7+6+5+4+3 = 75 s for ten images, then 3 s each
        assertThat(ReadingTime.minutes(0, 10)).isEqualTo(2);
        assertThat(ReadingTime.minutes(0, 25)).isEqualTo(2); // 75 + 15 * 3 = 120 s exactly
        assertThat(ReadingTime.minutes(0, 26)).isEqualTo(3); // 123 s
    }

    @Test
    void ukrainianTextIsTimedByItsWords() {
        String sentence = "Україна прагне провести ще один раунд мирних переговорів у лютому. ";
        int words = WordCount.of(sentence.repeat(30)); // 300 words
        assertThat(words).isEqualTo(300);
        assertThat(ReadingTime.minutes(words, 0)).isEqualTo(2);
        assertThat(ReadingTime.minutes(words, 1)).isEqualTo(2);
        assertThat(ReadingTime.minutes(WordCount.of(sentence.repeat(47)), 0)).isEqualTo(2); // 470 words
        assertThat(ReadingTime.minutes(WordCount.of(sentence.repeat(48)), 0)).isEqualTo(3); // 480 words
    }
}
