package org.masthead.media;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Reads the EXIF orientation of a JPEG and applies it to the pixels, so the picture stays upright once all
 * metadata (EXIF included) is stripped by re-encoding.
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    /** 1 (upright) to 8; 1 when absent or unreadable, however the bytes are crafted. */
    static int of(byte[] jpeg) {
        try {
            return read(jpeg);
        } catch (RuntimeException unreadable) {
            return 1;
        }
    }

    private static int read(byte[] jpeg) {
        int offset = 2;
        while (offset + 4 < jpeg.length && (jpeg[offset] & 0xFF) == 0xFF) {
            int marker = jpeg[offset + 1] & 0xFF;
            int length = ((jpeg[offset + 2] & 0xFF) << 8) | (jpeg[offset + 3] & 0xFF);
            if (marker == 0xE1 && offset + 10 < jpeg.length && new String(jpeg, offset + 4, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("Exif")) {
                return fromTiff(jpeg, offset + 10, Math.min(jpeg.length, offset + 2 + length));
            }
            if (marker == 0xDA) {
                break; // image data starts; no EXIF before it
            }
            offset += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] data, int start, int end) {
        if (start + 8 > end) {
            return 1;
        }
        boolean little = data[start] == 'I';
        long ifd = start + (readInt(data, start + 4, little) & 0xFFFFFFFFL);
        if (ifd < start || ifd + 2 > end) {
            return 1;
        }
        int entries = readShort(data, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (readShort(data, entry, little) == 0x0112) {
                int value = readShort(data, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int readShort(byte[] data, int at, boolean little) {
        return little ? (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 : (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
    }

    private static int readInt(byte[] data, int at, boolean little) {
        return little ? readShort(data, at, true) | readShort(data, at + 2, true) << 16
                : readShort(data, at, false) << 16 | readShort(data, at + 2, false);
    }

    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        boolean swap = orientation >= 5;
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        var g = target.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return target;
    }
}
