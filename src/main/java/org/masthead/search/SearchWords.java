package org.masthead.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The words of a text as did-you-mean offers them: runs of letters, lower case, 3 to 40 long — what
 * {@code to_tsvector('simple', …)} kept when the database split them (words with digits are not offered).
 */
final class SearchWords {

    private static final int SHORTEST = 3;
    private static final int LONGEST = 40;

    private SearchWords() {
    }

    static Stream<String> of(String text) {
        if (text == null || text.isEmpty()) {
            return Stream.empty();
        }
        List<String> words = new ArrayList<>();
        int start = -1;
        boolean digits = false;
        for (int i = 0; i <= text.length(); ) {
            int c = i < text.length() ? text.codePointAt(i) : ' ';
            boolean letter = Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK;
            boolean digit = Character.isDigit(c);
            if (letter || digit) {
                if (start < 0) {
                    start = i;
                    digits = false;
                }
                digits |= digit;
            } else if (start >= 0) {
                int length = text.codePointCount(start, i);
                if (!digits && length >= SHORTEST && length <= LONGEST) {
                    words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                }
                start = -1;
            }
            i += Character.charCount(c);
        }
        return words.stream();
    }
}
