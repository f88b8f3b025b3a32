package org.masthead.media;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

import org.masthead.system.MastheadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Media under {@code <data-dir>/media/<first two characters>/<name>}, written atomically: the default store. */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "masthead.media.store", havingValue = "local",
        matchIfMissing = true)
class LocalMediaStore implements MediaStore {

    private static final Logger log = LoggerFactory.getLogger(LocalMediaStore.class);

    private final Path directory;

    LocalMediaStore(MastheadProperties properties) {
        this.directory = properties.mediaDir();
    }

    @Override
    public boolean put(String name, byte[] bytes) {
        Path target = pathOf(name);
        if (Files.exists(target)) {
            return false;
        }
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            // Written aside and moved, so a crash never leaves a half-written file under the final name.
            temporary = Files.createTempFile(target.getParent(), "upload", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            deleteQuietly(temporary);
            log.error("Could not store {} in {}: {}", name, directory, e.toString());
            throw new MediaStoreException("The image could not be stored: " + reason(e)
                    + " Nothing was saved; please tell an administrator.", e);
        }
    }

    @Override
    public Optional<Resource> get(String name) {
        Path path = pathOf(name);
        return Files.isReadable(path) ? Optional.of(new FileSystemResource(path)) : Optional.empty();
    }

    @Override
    public void delete(String name) {
        try {
            Files.deleteIfExists(pathOf(name));
        } catch (IOException e) {
            throw new MediaStoreException("Could not delete " + name, e);
        }
    }

    Path pathOf(String name) {
        return directory.resolve(name.substring(0, 2)).resolve(name);
    }

    /** What went wrong, in words an editor can pass on. */
    private static String reason(IOException e) {
        String detail = e instanceof FileSystemException fileSystem && fileSystem.getReason() != null
                ? fileSystem.getReason() : String.valueOf(e.getMessage());
        String lower = detail.toLowerCase(Locale.ROOT);
        if (lower.contains("no space") || lower.contains("quota")) {
            return "the media storage is full.";
        }
        if (lower.contains("read-only")) {
            return "the media storage is read-only.";
        }
        if (e instanceof AccessDeniedException || lower.contains("permission")) {
            return "the media storage does not allow writing.";
        }
        return "the media storage failed (" + detail + ").";
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the temporary file was never created or the disk is gone; nothing more to do
            }
        }
    }
}
