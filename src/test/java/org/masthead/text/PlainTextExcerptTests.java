package org.masthead.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Excerpts for descriptions and list summaries: the first words, whitespace folded, "…" only when cut. */
class PlainTextExcerptTests {

    @Test
    void aShortTextComesBackWholeWithItsWhitespaceFolded() {
        assertThat(PlainText.excerpt("  One\ttwo\n\nthree  ", 5)).isEqualTo("One two three");
        assertThat(PlainText.excerpt("One two three", 3)).isEqualTo("One two three");
        assertThat(PlainText.excerpt("   ", 3)).isEmpty();
    }

    @Test
    void aLongTextIsCutAfterTheWordsAskedForAndSaysSo() {
        assertThat(PlainText.excerpt("One two three four", 3)).isEqualTo("One two three…");
        assertThat(PlainText.excerpt("One  two\r\nthree \f four five", 2)).isEqualTo("One two…");
    }

    @Test
    void aLongBodyIsReadOnlyAsFarAsTheExcerptNeeds() {
        String body = "word ".repeat(200_000);
        assertThat(PlainText.excerpt(body, 50)).isEqualTo("word ".repeat(50).strip() + "…");
    }

    @Test
    void spacesOtherThanAsciiOnesStayInsideAWord() {
        // a no-break space joins what it sits between, as it always did
        assertThat(PlainText.excerpt("10\u00a0km away now", 2)).isEqualTo("10\u00a0km away…");
    }
}
