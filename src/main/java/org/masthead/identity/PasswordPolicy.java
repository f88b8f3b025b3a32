package org.masthead.identity;

import java.nio.charset.StandardCharsets;

/**
 * What a staff password must be: at least 12 characters, not only whitespace, and at most 72 bytes of UTF-8 —
 * bcrypt ignores everything after the 72nd byte, so a longer passphrase would be silently cut.
 */
final class PasswordPolicy {

    static final int MIN_CHARACTERS = 12;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    static void require(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            throw new StaffAccountException("password", "Use a password of at least " + MIN_CHARACTERS + " characters.");
        }
        if (password.isBlank()) {
            throw new StaffAccountException("password", "A password cannot be only spaces.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new StaffAccountException("password", "Use a password of at most " + MAX_BYTES + " bytes: bcrypt ignores "
                    + "anything longer. Letters with accents take 2 bytes and emoji 4.");
        }
    }
}
