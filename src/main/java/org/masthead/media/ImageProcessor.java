package org.masthead.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * Checks an uploaded image and prepares what is stored: the type from the file's bytes, size and pixel limits
 * (decompression bombs are refused from the header, before decoding), a full decode (damaged files are refused),
 * metadata stripped (JPEG and PNG re-encoded with EXIF orientation applied — unless the file holds nothing but the
 * picture already, see {@link CleanImages} — WebP metadata chunks dropped), and
 * resized variants for responsive images.
 */
@Component
class ImageProcessor {

    /**
     * Widths of the resized copies, each √2 times the one before, from an 80 px avatar up: whatever box a
     * picture fills, the browser finds a copy at most √2 wider than the box needs, so it never loads more than
     * twice the pixels it shows (the coarser 320/640/960/1280/1920 of old made a 321 px box load 640 px, four
     * times its pixels). Images stored before keep their old copies and get these added ({@link MissingVariants}).
     */
    static final int[] VARIANT_WIDTHS = {80, 113, 160, 226, 320, 452, 640, 905, 1280, 1810};

    private final MediaLimits limits;

    ImageProcessor(MediaLimits limits) {
        this.limits = limits;
    }

    record Processed(ImageType type, byte[] original, int width, int height, List<Variant> variants) {
    }

    record Variant(int width, int height, ImageType type, byte[] bytes) {
    }

    Processed process(byte[] bytes) {
        ImageType type = ImageType.detect(bytes).orElseThrow(() -> new MediaException(
                "Only JPEG, PNG, WebP and GIF images can be uploaded; this file is none of them."));
        if (bytes.length > limits.maxBytes().toBytes()) {
            throw new MediaTooLargeException("The file is " + megabytes(bytes.length) + "; images may be at most "
                    + megabytes(limits.maxBytes().toBytes()) + ".");
        }
        BufferedImage image = decode(bytes, type);
        if (type == ImageType.JPEG) {
            image = ExifOrientation.apply(image, ExifOrientation.of(bytes));
        }
        byte[] original = switch (type) {
            // a file that already is what this would make is kept as it is: re-encoding a JPEG costs quality each time
            case JPEG -> CleanImages.isCleanJpeg(bytes) ? bytes : encode(image, ImageType.JPEG, 0.92f);
            case PNG -> CleanImages.isCleanPng(bytes) ? bytes : encode(image, ImageType.PNG, 1f);
            case WEBP -> WebpMetadata.strip(bytes);
            case GIF -> bytes; // GIF carries no EXIF; re-encoding would lose animation
        };
        return new Processed(type, original, image.getWidth(), image.getHeight(), variants(image, VARIANT_WIDTHS));
    }

    /** The resized copies of a stored original at those of {@code widths} narrower than it, smallest first. */
    List<Variant> variants(byte[] storedOriginal, int[] widths) {
        ImageType type = ImageType.detect(storedOriginal).orElseThrow(() -> new MediaException("Not a stored image."));
        return variants(decode(storedOriginal, type), widths);
    }

    /** Each width as JPEG (PNG when the picture has transparency) and, where libwebp loads, as WebP too. */
    private static List<Variant> variants(BufferedImage image, int[] widths) {
        List<Variant> variants = new ArrayList<>();
        ImageType variantType = image.getColorModel().hasAlpha() ? ImageType.PNG : ImageType.JPEG;
        for (int width : widths) {
            if (width >= image.getWidth()) {
                break;
            }
            BufferedImage resized = resize(image, width);
            variants.add(new Variant(resized.getWidth(), resized.getHeight(), variantType, encode(resized, variantType, 0.82f)));
            if (WebpEncoder.available()) {
                variants.add(new Variant(resized.getWidth(), resized.getHeight(), ImageType.WEBP,
                        WebpEncoder.encode(resized, 0.8f)));
            }
        }
        return List.copyOf(variants);
    }

    private BufferedImage decode(byte[] bytes, ImageType type) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new MediaException("This " + type.name() + " image cannot be read.");
            }
            ImageReader reader = readers.next();
            // WebP is read by TwelveMonkeys, which reads animations and reports damage; libwebp's plugin is here
            // to write WebP only
            while (reader.getClass().getName().startsWith("com.luciad.") && readers.hasNext()) {
                reader.dispose();
                reader = readers.next();
            }
            try {
                reader.setInput(input, false, true); // not forward-only: animations are scanned, then read
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > limits.maxPixels()) {
                    throw new MediaException("The image is " + reader.getWidth(0) + " × " + reader.getHeight(0)
                            + " pixels; images may have at most " + limits.maxPixels() / 1_000_000 + " megapixels.");
                }
                if (type == ImageType.GIF || type == ImageType.WEBP) {
                    requireBoundedAnimation(reader, bytes, type);
                }
                AtomicReference<String> warning = new AtomicReference<>();
                reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
                BufferedImage image = reader.read(0);
                if (warning.get() != null) {
                    throw new MediaException("The image file is damaged or incomplete (" + warning.get() + ").");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (MediaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MediaException("The image file is damaged or incomplete and cannot be read.");
        }
    }

    static final int MAX_FRAMES = 500;

    /**
     * An animation is judged by all of it, not its first frame: the GIF canvas, the number of frames and the
     * pixels of every frame together stay within the limit a browser would have to decode.
     */
    private void requireBoundedAnimation(ImageReader reader, byte[] bytes, ImageType type) throws IOException {
        if (type == ImageType.GIF && bytes.length >= 10) {
            long canvas = (long) ((bytes[6] & 0xFF) | (bytes[7] & 0xFF) << 8) * ((bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8);
            if (canvas > limits.maxPixels()) {
                throw new MediaException("The animation's canvas is larger than " + limits.maxPixels() / 1_000_000 + " megapixels.");
            }
        }
        int frames = reader.getNumImages(true);
        if (frames > MAX_FRAMES) {
            throw new MediaException("The animation has " + frames + " frames; at most " + MAX_FRAMES + " are accepted.");
        }
        long total = 0;
        for (int frame = 0; frame < frames; frame++) {
            total += (long) reader.getWidth(frame) * reader.getHeight(frame);
        }
        if (total > limits.maxPixels() * 4) {
            throw new MediaException("The animation holds too many pixels in all (" + total / 1_000_000 + " megapixels).");
        }
    }

    private static BufferedImage resize(BufferedImage image, int width) {
        try {
            return Thumbnails.of(image).width(width).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(BufferedImage image, ImageType type, float quality) {
        BufferedImage source = image;
        if (type == ImageType.JPEG && image.getColorModel().hasAlpha()) {
            source = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = source.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thumbnails.of(source).scale(1).outputFormat(type == ImageType.JPEG ? "jpg" : "png")
                    .outputQuality(quality).toOutputStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    /** WebP files are RIFF containers; EXIF and XMP chunks are dropped, the picture chunks kept as they are. */
    static final class WebpMetadata {

        private WebpMetadata() {
        }

        static byte[] strip(byte[] webp) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
            int offset = 12;
            while (offset + 8 <= webp.length) {
                String fourCc = new String(webp, offset, 4, java.nio.charset.StandardCharsets.US_ASCII);
                int size = in.getInt(offset + 4);
                int padded = size + (size & 1);
                if (size < 0 || offset + 8 + size > webp.length) {
                    throw new MediaException("The WebP file is damaged or incomplete.");
                }
                if (!fourCc.equals("EXIF") && !fourCc.equals("XMP ")) {
                    byte[] chunk = java.util.Arrays.copyOfRange(webp, offset, Math.min(webp.length, offset + 8 + padded));
                    if (fourCc.equals("VP8X") && chunk.length > 8) {
                        chunk[8] &= (byte) ~0x0C; // the EXIF and XMP presence flags
                    }
                    chunks.writeBytes(chunk);
                }
                offset += 8 + padded;
            }
            ByteBuffer out = ByteBuffer.allocate(12 + chunks.size()).order(ByteOrder.LITTLE_ENDIAN);
            out.put(webp, 0, 4).putInt(4 + chunks.size()).put(webp, 8, 4).put(chunks.toByteArray());
            return out.array();
        }
    }
}
