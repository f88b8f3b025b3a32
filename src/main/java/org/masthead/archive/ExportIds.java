package org.masthead.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ghost's 24-hex-digit ids for the rows Masthead keeps no id of its own for (a post's link to a tag, its meta row,
 * the roles): derived from what the row links, so two exports of the same site name every row alike.
 */
final class ExportIds {

    private ExportIds() {
    }

    static String of(String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
