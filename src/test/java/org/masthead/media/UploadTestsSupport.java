package org.masthead.media;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Test images for other packages' tests. */
public final class UploadTestsSupport {

    private UploadTestsSupport() {
    }

    public static byte[] jpeg(int width, int height) {
        try {
            return UploadTests.picture("jpg", width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
