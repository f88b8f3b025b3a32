package org.masthead.media;

import java.util.Optional;

import org.springframework.core.io.Resource;

/**
 * Where media bytes live: the local data directory ({@link LocalMediaStore}, the default) or an S3-compatible
 * bucket ({@link S3MediaStore}, {@code masthead.media.store=s3}) — the library, the upload pipeline and the URLs are
 * the same either way.
 */
public interface MediaStore {

    /**
     * Stores the bytes under {@code name} unless that name exists already (names are content hashes).
     *
     * @return true when this call wrote the file, false when it was there already
     * @throws MediaStoreException when the storage cannot take it; nothing of the file is left behind
     */
    boolean put(String name, byte[] bytes);

    Optional<Resource> get(String name);

    /** Removes a file; a missing one is not an error. */
    void delete(String name);
}
