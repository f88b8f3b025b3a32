package org.masthead.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

import org.masthead.system.MastheadProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps media files under the data directory, named by the hash of their bytes: the same picture is stored
 * once, and a file name never changes meaning, so it can be cached forever.
 */
@Service
public class MediaLibrary {

    static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{32}\\.(jpg|png|webp|gif)");
    private static final Map<String, String> EXTENSIONS = Map.of(
            "image/jpeg", "jpg", "image/png", "png", "image/webp", "webp", "image/gif", "gif");

    private final JdbcClient jdbc;
    private final Path directory;
    private final Clock clock;

    MediaLibrary(JdbcClient jdbc, MastheadProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.directory = properties.mediaDir();
        this.clock = clock;
    }

    @Transactional
    public MediaFile storeImage(byte[] bytes, String contentType) {
        String extension = EXTENSIONS.get(contentType);
        if (extension == null) {
            throw new IllegalArgumentException("Unsupported image type " + contentType);
        }
        BufferedImage image = decode(bytes);
        String fileName = sha256(bytes).substring(0, 32) + "." + extension;
        write(fileName, bytes);
        jdbc.sql("""
                insert into media (file_name, content_type, width, height, byte_size, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict (file_name) do nothing
                """).params(fileName, contentType, image.getWidth(), image.getHeight(), (long) bytes.length,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update();
        return jdbc.sql("select id, file_name, content_type, width, height, byte_size from media where file_name = ?")
                .param(fileName).query(MediaFile.class).single();
    }

    Optional<MediaFile> find(String fileName) {
        return jdbc.sql("select id, file_name, content_type, width, height, byte_size from media where file_name = ?")
                .param(fileName).query(MediaFile.class).optional();
    }

    Path pathOf(String fileName) {
        return directory.resolve(fileName.substring(0, 2)).resolve(fileName);
    }

    private void write(String fileName, byte[] bytes) {
        Path target = pathOf(fileName);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            // Write aside and move, so a crash never leaves a half-written file under the final name.
            Path temporary = Files.createTempFile(target.getParent(), "upload", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + fileName + " in " + directory, e);
        }
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("Not a readable image");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a readable image", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
