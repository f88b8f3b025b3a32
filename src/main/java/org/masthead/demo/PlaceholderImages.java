package org.masthead.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws the demo site's pictures: abstract "photos" for lead images and silhouette avatars. Made here, from
 * shapes only (no fonts, no downloads), so a fresh checkout has everything it needs.
 */
final class PlaceholderImages {

    private static final Color[][] PALETTES = {
            {new Color(0x1f3b57), new Color(0x6d8fb3), new Color(0xe9c46a)},
            {new Color(0x2a4d3a), new Color(0x8ab17d), new Color(0xf4a261)},
            {new Color(0x4a2c40), new Color(0xb5838d), new Color(0xffcdb2)},
            {new Color(0x263238), new Color(0x78909c), new Color(0xef5350)},
            {new Color(0x3d405b), new Color(0x81b29a), new Color(0xf2cc8f)},
            {new Color(0x1b263b), new Color(0x415a77), new Color(0xe0e1dd)},
    };

    private PlaceholderImages() {
    }

    /** A 16:9 landscape: sky gradient, a low sun and rows of buildings. */
    static byte[] landscape(int seed, int width, int height) {
        Random random = new Random(seed);
        Color[] palette = PALETTES[Math.floorMod(seed, PALETTES.length)];
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, palette[1], 0, height, palette[2]));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 255, 255, 120));
        int sun = height / 4;
        g.fill(new Ellipse2D.Double(width * (0.2 + random.nextDouble() * 0.6), height * 0.25, sun, sun));
        for (int row = 0; row < 3; row++) {
            int base = height - row * height / 9;
            Color shade = blend(palette[0], palette[1], row / 3.0);
            g.setColor(shade);
            for (int x = -20; x < width; ) {
                int w = width / 40 + random.nextInt(width / 12);
                int h = height / 6 + random.nextInt(height / 3) - row * height / 14;
                g.fillRect(x, base - h, w, h);
                x += w + random.nextInt(8);
            }
        }
        g.setColor(new Color(255, 255, 255, 40));
        g.setStroke(new BasicStroke(3f));
        Path2D line = new Path2D.Double();
        line.moveTo(0, height * 0.9);
        line.curveTo(width * 0.3, height * 0.8, width * 0.6, height, width, height * 0.85);
        g.draw(line);
        g.dispose();
        return jpeg(image);
    }

    /** A square avatar: head-and-shoulders silhouette on a coloured ground. */
    static byte[] avatar(int seed, int size) {
        Color[] palette = PALETTES[Math.floorMod(seed, PALETTES.length)];
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(palette[1]);
        g.fillRect(0, 0, size, size);
        g.setColor(palette[0]);
        g.fill(new Ellipse2D.Double(size * 0.32, size * 0.18, size * 0.36, size * 0.40));
        g.fill(new Ellipse2D.Double(size * 0.12, size * 0.62, size * 0.76, size * 0.70));
        g.dispose();
        return jpeg(image);
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    private static byte[] jpeg(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.82f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
