package org.masthead.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.masthead.system.MastheadProperties;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Media under {@code <data-dir>/media/<first two characters>/<name>}, written atomically. */
@Component
class LocalMediaStore implements MediaStore {

    private final Path directory;

    LocalMediaStore(MastheadProperties properties) {
        this.directory = properties.mediaDir();
    }

    @Override
    public void put(String name, byte[] bytes) {
        Path target = pathOf(name);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            // Written aside and moved, so a crash never leaves a half-written file under the final name.
            Path temporary = Files.createTempFile(target.getParent(), "upload", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + name + " in " + directory, e);
        }
    }

    @Override
    public Optional<Resource> get(String name) {
        Path path = pathOf(name);
        return Files.isReadable(path) ? Optional.of(new FileSystemResource(path)) : Optional.empty();
    }

    Path pathOf(String name) {
        return directory.resolve(name.substring(0, 2)).resolve(name);
    }
}
