package org.masthead.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one form of a staff email address: compatibility-normalised (NFKC), stripped and lower-cased in Java.
 * Throttle, lookup and account creation all use it and the database stores it, so no two spellings of one
 * address can reach one account through different paths (PostgreSQL's lower() folds "İ" to "i", Java to "i̇").
 */
public final class StaffEmails {

    private StaffEmails() {
    }

    public static String normalize(String email) {
        if (email == null) {
            return "";
        }
        return Normalizer.normalize(email, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
