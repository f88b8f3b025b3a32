package org.masthead.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Characters XML cannot carry are dropped; everything else, tabs and line breaks included, stays. */
class PlainTextCleanTests {

    @Test
    void controlCharactersAndNonCharactersAreDropped() {
        assertThat(PlainText.clean("a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\u007Fg\uFFFEh\uFFFFi")).isEqualTo("abcdefghi");
    }

    @Test
    void tabsLineBreaksAndEveryScriptStay() {
        String text = "Tab\there,\r\nline\nbreaks — «Київ» 東京 😀";
        assertThat(PlainText.clean(text)).isSameAs(text);
    }
}
