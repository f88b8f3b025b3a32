package org.masthead.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordCountTests {

    @Test
    void countsEnglishWordsIgnoringPunctuation() {
        assertThat(WordCount.of("\"No, I can't confirm that,\" he said.")).isEqualTo(7);
    }

    @Test
    void hyphenatedAndAbbreviatedWordsStayWhole() {
        assertThat(WordCount.of("U.S.-mediated talks on Feb. 17–18")).isEqualTo(7);
        assertThat(WordCount.of("Feb.20 example.org")).isEqualTo(2);
        assertThat(WordCount.of("well-known")).isEqualTo(1);
    }

    @Test
    void countsUkrainianWordsIncludingApostrophes() {
        assertThat(WordCount.of("Україна прагне провести ще один раунд мирних переговорів у лютому.")).isEqualTo(10);
        assertThat(WordCount.of("п'ять сім'ї м’ята")).isEqualTo(3);
    }

    @Test
    void everyChineseOrJapaneseCharacterIsAWord() {
        assertThat(WordCount.of("和平谈判")).isEqualTo(4);
        assertThat(WordCount.of("Talks 和平 resume")).isEqualTo(4);
        assertThat(WordCount.of("ひらがな")).isEqualTo(4);
    }

    @Test
    void emptyAndBlankTextHaveNoWords() {
        assertThat(WordCount.of("")).isZero();
        assertThat(WordCount.of("  — … ")).isZero();
    }
}
