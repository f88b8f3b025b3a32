package org.masthead.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes WebP through libwebp (com.github.usefulness:webp-imageio, a maintained fork of Luciad's plugin with the
 * native library for Linux, macOS and Windows inside). Where that library cannot load, pictures simply get no WebP
 * copies and pages offer JPEG and PNG only.
 */
final class WebpEncoder {

    private static final Logger log = LoggerFactory.getLogger(WebpEncoder.class);

    private static final boolean AVAILABLE = probe();

    private WebpEncoder() {
    }

    static boolean available() {
        return AVAILABLE;
    }

    /** Lossy WebP at {@code quality} (0–1); alpha is kept. */
    static byte[] encode(BufferedImage image, float quality) {
        ImageWriter writer = writer();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Lossy");
            param.setCompressionQuality(quality);
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), param);
            output.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter writer() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType("image/webp");
        if (!writers.hasNext()) {
            throw new IllegalStateException("No WebP writer on the class path");
        }
        return writers.next();
    }

    private static boolean probe() {
        try {
            byte[] written = encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), 0.8f);
            return ImageType.detect(written).orElse(null) == ImageType.WEBP;
        } catch (RuntimeException | LinkageError e) {
            log.warn("WebP copies of pictures are not made on this machine (libwebp did not load: {})", e.toString());
            return false;
        }
    }
}
