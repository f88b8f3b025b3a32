package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Did-you-mean's words: letters only, lower case, three to forty of them. */
class SearchWordsTests {

    @Test
    void wordsAreRunsOfLettersInLowerCase() {
        assertThat(SearchWords.of("The Harbour-master's “Übergang” naïve, Київ!")).containsExactly(
                "the", "harbour", "master", "übergang", "naïve", "київ");
    }

    @Test
    void shortLongAndNumberedWordsAreLeftOut() {
        assertThat(SearchWords.of("an ox at covid19 2024 " + "x".repeat(41) + " keep")).containsExactly("keep");
    }

    @Test
    void nothingComesOfNothing() {
        assertThat(SearchWords.of(null)).isEmpty();
        assertThat(SearchWords.of("")).isEmpty();
    }
}
