package org.masthead.text;

/**
 * Counts words the way a reader reads them: runs of letters and digits in any alphabet (Latin, Cyrillic, Greek…),
 * with apostrophes, hyphens and dots inside a word keeping it whole; every Chinese, Japanese or Korean character counts
 * as a word of its own, since those scripts do not separate words with spaces.
 */
public final class WordCount {

    private WordCount() {
    }

    public static int of(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isIdeographic(codePoint)) {
                words++;
                inWord = false;
            } else if (Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else if (inWord && isJoiner(codePoint) && i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                // "don't", "Lazarski-based", "п'ять", "U.S": still one word
            } else {
                inWord = false;
            }
        }
        return words;
    }

    private static boolean isJoiner(int codePoint) {
        return codePoint == '\'' || codePoint == '’' || codePoint == 'ʼ' || codePoint == '-' || codePoint == '.';
    }

    private static boolean isIdeographic(int codePoint) {
        if (codePoint < 0x1100) {
            return false; // below Hangul Jamo, the first of these scripts: no lookup for Latin, Cyrillic, Greek…
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
