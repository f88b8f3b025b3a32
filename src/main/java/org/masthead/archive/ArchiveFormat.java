package org.masthead.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.masthead.archive.source.ArchiveFormatException;
import org.masthead.archive.source.ArchiveVisitor;

/** The archive formats Masthead reads, told apart by their first bytes. */
public enum ArchiveFormat {
    WORDPRESS, GHOST;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ArchiveFormat fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    /** XML is a WordPress export (WXR), JSON a Ghost export; anything else is refused with the reason. */
    public static ArchiveFormat detect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4096);
            String start = new String(head, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
            if (start.startsWith("<")) {
                return WORDPRESS;
            }
            if (start.startsWith("{")) {
                return GHOST;
            }
            throw new ArchiveFormatException(start.isEmpty() ? "The file is empty."
                    : "The file is neither a WordPress export (WXR, XML) nor a Ghost export (JSON).");
        } catch (IOException e) {
            throw new ArchiveFormatException("The file cannot be read: " + e.getMessage(), e);
        }
    }

    void read(Path file, ArchiveVisitor visitor) {
        if (this == WORDPRESS) {
            org.masthead.archive.wordpress.WxrReader.read(file, visitor);
        } else {
            org.masthead.archive.ghost.GhostJsonReader.read(file, visitor);
        }
    }
}
