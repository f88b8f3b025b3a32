package org.masthead.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The pictures that came with an archive: a folder or a zip holding {@code wp-content/uploads/…} or Ghost's
 * {@code content/images/…} (or a Masthead export's media zip). A picture's address in the archive is matched by
 * its path under one of those roots, else by its file name.
 */
final class MediaSource implements AutoCloseable {

    private static final String[] ROOTS = {"wp-content/uploads/", "content/images/", "media/"};

    private final ZipFile zip;
    private final Map<String, String> byRelativePath = new HashMap<>();
    private final Map<String, String> byFileName = new HashMap<>();

    private MediaSource(ZipFile zip) {
        this.zip = zip;
    }

    /** A folder or a .zip; the caller names it, so a missing one is an error. */
    static MediaSource open(Path location) {
        try {
            if (Files.isDirectory(location)) {
                MediaSource source = new MediaSource(null);
                try (Stream<Path> files = Files.walk(location)) {
                    files.filter(Files::isRegularFile).forEach(file ->
                            source.index(location.relativize(file).toString().replace('\\', '/'), file.toString()));
                }
                return source;
            }
            if (Files.isRegularFile(location)) {
                ZipFile zip = new ZipFile(location.toFile());
                MediaSource source = new MediaSource(zip);
                zip.stream().filter(entry -> !entry.isDirectory()).forEach(entry -> source.index(entry.getName(), entry.getName()));
                return source;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The media " + location + " cannot be read as a folder or zip: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("The media " + location + " is neither a folder nor a zip file.");
    }

    private void index(String relative, String location) {
        String path = relative.toLowerCase(Locale.ROOT);
        for (String root : ROOTS) {
            int at = path.indexOf(root);
            if (at >= 0) {
                byRelativePath.putIfAbsent(path.substring(at + root.length()), location);
            }
        }
        byRelativePath.putIfAbsent(path, location);
        byFileName.putIfAbsent(path.substring(path.lastIndexOf('/') + 1), location);
    }

    /** The bytes of the picture at this address in the archive, when the folder or zip has it. */
    Optional<byte[]> find(String address) {
        String path = address.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        String location = null;
        for (String root : ROOTS) {
            int at = path.indexOf(root);
            if (at >= 0) {
                location = byRelativePath.get(path.substring(at + root.length()));
                if (location != null) {
                    break;
                }
            }
        }
        if (location == null) {
            location = byFileName.get(path.substring(path.lastIndexOf('/') + 1));
        }
        if (location == null) {
            return Optional.empty();
        }
        try {
            if (zip == null) {
                return Optional.of(Files.readAllBytes(Path.of(location)));
            }
            ZipEntry entry = zip.getEntry(location);
            try (InputStream in = zip.getInputStream(entry)) {
                return Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // read-only: nothing to lose
            }
        }
    }
}
