package org.masthead.media;

import java.util.Set;

/**
 * Tells whether an image file already is what the upload pipeline would make of it — only the segments or chunks
 * a picture needs, no metadata, nothing after its end — so it can be stored as it is. Re-encoding a JPEG loses a
 * little quality every time; a picture moved from one Masthead to another (or uploaded twice) must not degrade.
 */
final class CleanImages {

    /** JPEG markers a clean file may hold: JFIF header, tables, frames, scans, restarts, end. No EXIF, XMP, ICC, comments. */
    private static final Set<Integer> JPEG_ALLOWED = Set.of(0xE0, 0xDB, 0xC0, 0xC1, 0xC2, 0xC4, 0xDD, 0xDA);
    private static final Set<String> PNG_ALLOWED = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
            "sBIT", "bKGD", "pHYs");

    private CleanImages() {
    }

    static boolean isCleanJpeg(byte[] bytes) {
        if (bytes.length < 4 || (bytes[0] & 0xFF) != 0xFF || (bytes[1] & 0xFF) != 0xD8) {
            return false;
        }
        int at = 2;
        while (at + 1 < bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xD9) {
                return at + 2 == bytes.length; // the end, and nothing hidden after it
            }
            if (!JPEG_ALLOWED.contains(marker) || at + 3 >= bytes.length) {
                return false;
            }
            int length = ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
            at += 2 + length;
            if (marker == 0xDA) {
                at = afterEntropyCodedData(bytes, at);
                if (at < 0) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Where the next marker starts after a scan's data (stuffed 0xFF00 and restart markers belong to the data). */
    private static int afterEntropyCodedData(byte[] bytes, int at) {
        for (int i = at; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF) {
                int next = bytes[i + 1] & 0xFF;
                if (next != 0x00 && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
            }
        }
        return -1;
    }

    static boolean isCleanPng(byte[] bytes) {
        int at = 8; // the signature
        while (at + 8 <= bytes.length) {
            long length = ((long) (bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                    | (bytes[at + 3] & 0xFF);
            String type = new String(bytes, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!PNG_ALLOWED.contains(type)) {
                return false;
            }
            long next = at + 12 + length;
            if (next > bytes.length) {
                return false;
            }
            if (type.equals("IEND")) {
                return next == bytes.length;
            }
            at = (int) next;
        }
        return false;
    }
}
