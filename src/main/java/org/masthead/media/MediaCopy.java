package org.masthead.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Copies a local media directory ({@code <data-dir>/media}) into the configured store — moving a site's pictures to
 * an S3 bucket. Names are content hashes, so a file already in the store is left alone and the copy can be run again
 * after an interruption.
 */
@Component
public class MediaCopy {

    public record Copied(int written, int alreadyThere) {
    }

    private final MediaStore store;

    MediaCopy(MediaStore store) {
        this.store = store;
    }

    /** @param from a media directory as the local store writes it (two-character folders of files) */
    public Copied from(Path from) {
        if (!Files.isDirectory(from)) {
            throw new IllegalArgumentException("No media directory at " + from);
        }
        int written = 0;
        int already = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            try {
                if (store.put(file.getFileName().toString(), Files.readAllBytes(file))) {
                    written++;
                } else {
                    already++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            }
        }
        return new Copied(written, already);
    }
}
