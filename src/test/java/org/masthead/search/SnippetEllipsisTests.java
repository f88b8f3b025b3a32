package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetEllipsisTests {

    static final String BODY = "Ukraine aims to hold another round of peace talks in February, while the Kremlin cast doubt "
            + "on the timeline. The uncertainty follows the latest round of negotiations in Geneva.";

    @Test
    void aSnippetFromTheMiddleOfTheStoryIsMarkedAtBothEnds() {
        assertThat(Search.withEllipses("another round of \uE000peace\uE001 talks in February", BODY, BODY))
                .isEqualTo("… another round of \uE000peace\uE001 talks in February …");
    }

    @Test
    void aSnippetThatStartsTheStoryIsMarkedOnlyAtTheEnd() {
        assertThat(Search.withEllipses("Ukraine aims to hold another round of \uE000peace\uE001 talks", BODY, BODY))
                .isEqualTo("Ukraine aims to hold another round of \uE000peace\uE001 talks …");
    }

    @Test
    void aSnippetThatEndsTheStoryHasNoTrailingMark() {
        assertThat(Search.withEllipses("latest round of negotiations in \uE000Geneva\uE001.", BODY, BODY))
                .isEqualTo("… latest round of negotiations in \uE000Geneva\uE001.");
    }

    @Test
    void theWholeOfAShortStoryIsShownAsItIs() {
        assertThat(Search.withEllipses("Short \uE000story\uE001.", "Short story.", "Short story.")).isEqualTo("Short \uE000story\uE001.");
    }
}
