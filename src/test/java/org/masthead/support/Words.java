package org.masthead.support;

import java.util.concurrent.ThreadLocalRandom;

/** Made-up words, so a test's own articles are the only ones a search or a page can match. */
public final class Words {

    private Words() {
    }

    /** Lower-case letters only: a UUID's letters run short (it has only a–f, sometimes fewer than you asked for). */
    public static String randomLetters(int length) {
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
