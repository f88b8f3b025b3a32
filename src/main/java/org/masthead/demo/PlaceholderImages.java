package org.masthead.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws the demo site's pictures: flat illustrations for lead images (a city on a river at dusk, a harbour, fields
 * and hills, mountains over a lake, an observatory under the night sky) and avatars with the author's initials.
 * Made here from shapes only — no fonts (the initials are drawn as strokes), no downloads — so a fresh checkout
 * has everything it needs and every machine draws the same bytes (the same file names, see the media library).
 */
final class PlaceholderImages {

    /** Sky top, sky bottom, far land, near land, light (sun, windows, sails). */
    private static final Color[][] SCENE_PALETTES = {
            {rgb(0x28305c), rgb(0xf2a65a), rgb(0x4b3f72), rgb(0x1f2041), rgb(0xffd38a)}, // dusk
            {rgb(0x7fb7d9), rgb(0xe8f1f2), rgb(0x6c8ea4), rgb(0x2e4a62), rgb(0xfffbe6)}, // clear morning
            {rgb(0x9cc5c9), rgb(0xf6e7c1), rgb(0x7fa36b), rgb(0x3f6b3a), rgb(0xfff4d6)}, // summer fields
            {rgb(0x5b7db1), rgb(0xd9e4f0), rgb(0x8ea6c4), rgb(0x33475b), rgb(0xffffff)}, // alpine
            {rgb(0x0b1026), rgb(0x2b2f5c), rgb(0x1b2440), rgb(0x0d1325), rgb(0xd8f3dc)}, // night
            {rgb(0xc9485b), rgb(0xf9d29d), rgb(0x8e4162), rgb(0x3c1a3b), rgb(0xfff0c2)}, // warm evening
    };

    /** Grounds for avatars: deep, saturated, each with white initials at well over 4.5:1 contrast. */
    private static final Color[] AVATAR_GROUNDS = {rgb(0x1f4e79), rgb(0x7a2e3b), rgb(0x2f5d50), rgb(0x5b3f8c),
            rgb(0x8a4b08), rgb(0x264653), rgb(0x6b2d5c), rgb(0x3a5a40)};

    private PlaceholderImages() {
    }

    /**
     * A 16:9 illustration. {@code seed} picks the scene (five kinds in turn) and its palette, and places what is in
     * it, so the demo's few pictures all look different.
     */
    static byte[] landscape(int seed, int width, int height) {
        Random random = new Random(seed * 7919L + 17);
        int scene = Math.floorMod(seed, 5);
        int[] daylight = {0, 1, 2, 3, 5};
        // the observatory is always at night; the other scenes at any other time of day
        Color[] palette = SCENE_PALETTES[scene == 4 ? 4 : daylight[Math.floorMod(seed * 3 + seed / 5, daylight.length)]];
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        sky(g, width, height, palette, random, scene == 4);
        switch (scene) {
            case 0 -> cityOnRiver(g, width, height, palette, random);
            case 1 -> harbour(g, width, height, palette, random);
            case 2 -> fields(g, width, height, palette, random);
            case 3 -> mountains(g, width, height, palette, random);
            default -> observatory(g, width, height, palette, random);
        }
        g.dispose();
        return jpeg(image, 0.85f);
    }

    private static void sky(Graphics2D g, int width, int height, Color[] palette, Random random, boolean night) {
        g.setPaint(new GradientPaint(0, 0, palette[0], 0, height * 0.75f, palette[1]));
        g.fillRect(0, 0, width, height);
        float sunX = (float) (width * (0.2 + random.nextDouble() * 0.6));
        float sunY = (float) (height * (0.22 + random.nextDouble() * 0.18));
        float radius = height * (night ? 0.05f : 0.09f);
        Color light = palette[4];
        g.setPaint(new RadialGradientPaint(new Point2D.Float(sunX, sunY), radius * 4, new float[]{0f, 0.25f, 1f},
                new Color[]{alpha(light, 150), alpha(light, 60), alpha(light, 0)}, MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(new Ellipse2D.Float(sunX - radius * 4, sunY - radius * 4, radius * 8, radius * 8));
        g.setColor(light);
        g.fill(new Ellipse2D.Float(sunX - radius, sunY - radius, radius * 2, radius * 2));
        if (night) {
            for (int i = 0; i < 260; i++) {
                float size = 1f + random.nextFloat() * (width / 600f);
                g.setColor(alpha(Color.WHITE, 90 + random.nextInt(165)));
                g.fill(new Ellipse2D.Float(random.nextFloat() * width, random.nextFloat() * height * 0.6f, size, size));
            }
            return;
        }
        for (int i = 0; i < 4; i++) {
            cloud(g, random.nextFloat() * width, height * (0.08f + random.nextFloat() * 0.3f), width / 9f, alpha(Color.WHITE, 70));
        }
    }

    private static void cloud(Graphics2D g, float x, float y, float size, Color color) {
        g.setColor(color);
        g.fill(new Ellipse2D.Float(x, y, size * 1.6f, size * 0.35f));
        g.fill(new Ellipse2D.Float(x + size * 0.3f, y - size * 0.15f, size * 0.8f, size * 0.4f));
        g.fill(new Ellipse2D.Float(x + size * 0.8f, y - size * 0.08f, size * 0.6f, size * 0.35f));
    }

    /** Towers of three depths with lit windows, a bridge, and their reflections in the river. */
    private static void cityOnRiver(Graphics2D g, int width, int height, Color[] palette, Random random) {
        int waterline = (int) (height * 0.72);
        for (int layer = 0; layer < 3; layer++) {
            Color body = blend(palette[2], palette[3], layer / 2.0);
            for (int x = -random.nextInt(40); x < width; ) {
                int w = width / 30 + random.nextInt(width / 14);
                int h = (int) (height * (0.12 + random.nextDouble() * (0.38 - layer * 0.08)));
                g.setColor(body);
                g.fillRect(x, waterline - h, w, h);
                if (random.nextInt(4) == 0) {
                    g.fill(triangle(x, waterline - h, x + w, waterline - h, x + w / 2.0, waterline - h - w * 0.6));
                }
                if (layer > 0) {
                    g.setColor(alpha(palette[4], 110 + layer * 50));
                    int cell = Math.max(6, width / 160);
                    for (int wy = waterline - h + cell; wy < waterline - cell; wy += cell * 2) {
                        for (int wx = x + cell; wx < x + w - cell; wx += cell * 2) {
                            if (random.nextInt(3) > 0) {
                                g.fillRect(wx, wy, cell, cell);
                            }
                        }
                    }
                }
                x += w + random.nextInt(width / 60 + 1);
            }
        }
        g.setPaint(new GradientPaint(0, waterline, blend(palette[1], palette[3], 0.55), 0, height, palette[3]));
        g.fillRect(0, waterline, width, height - waterline);
        g.setColor(alpha(palette[4], 70));
        for (int i = 0; i < 70; i++) {
            int y = waterline + 4 + random.nextInt(height - waterline - 4);
            int w = width / 40 + random.nextInt(width / 8);
            g.fillRect(random.nextInt(width), y, w, Math.max(2, height / 300));
        }
        // a bridge across the river
        g.setColor(palette[3]);
        g.setStroke(new BasicStroke(height / 60f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int deck = waterline + height / 30;
        g.drawLine(0, deck, width, deck);
        for (int arch = 0; arch < 5; arch++) {
            int span = width / 5;
            // arches rising from the water to the deck
            g.draw(new Arc2D.Double(arch * span, deck, span, height / 6.0, 0, 180, Arc2D.OPEN));
        }
    }

    /** Sea with hills behind, a pier, and boats with sails. */
    private static void harbour(Graphics2D g, int width, int height, Color[] palette, Random random) {
        int horizon = (int) (height * 0.58);
        g.setColor(palette[2]);
        g.fill(hills(width, horizon, height * 0.14, random, 3));
        g.setPaint(new GradientPaint(0, horizon, blend(palette[1], palette[2], 0.5), 0, height, palette[3]));
        g.fillRect(0, horizon, width, height - horizon);
        g.setColor(alpha(Color.WHITE, 60));
        g.setStroke(new BasicStroke(Math.max(2f, height / 350f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 40; i++) {
            float y = horizon + 10 + random.nextFloat() * (height - horizon - 10);
            float x = random.nextFloat() * width;
            float w = width / 30f + random.nextFloat() * width / 16f;
            Path2D wave = new Path2D.Float();
            wave.moveTo(x, y);
            wave.quadTo(x + w / 4, y - w / 12, x + w / 2, y);
            wave.quadTo(x + w * 3 / 4, y + w / 12, x + w, y);
            g.draw(wave);
        }
        // the pier on the right, on posts
        int pierY = (int) (height * 0.74);
        g.setColor(palette[3]);
        g.fillRect((int) (width * 0.62), pierY, width, height / 40);
        for (int x = (int) (width * 0.64); x < width; x += width / 24) {
            g.fillRect(x, pierY, width / 160, height / 8);
        }
        for (int i = 0; i < 4; i++) {
            float scale = 0.6f + i * 0.25f;
            float x = width * (0.06f + i * 0.14f + random.nextFloat() * 0.06f);
            float y = horizon + (height - horizon) * (0.25f + i * 0.17f);
            boat(g, x, y, width / 10f * scale, palette, random);
        }
    }

    private static void boat(Graphics2D g, float x, float y, float length, Color[] palette, Random random) {
        Path2D hull = new Path2D.Float();
        hull.moveTo(x, y);
        hull.lineTo(x + length, y);
        hull.lineTo(x + length * 0.85f, y + length * 0.18f);
        hull.lineTo(x + length * 0.12f, y + length * 0.18f);
        hull.closePath();
        g.setColor(random.nextBoolean() ? rgb(0xb23a48) : palette[3]);
        g.fill(hull);
        float mast = x + length * 0.45f;
        g.setColor(palette[3]);
        g.fill(new Rectangle2D.Float(mast, y - length * 0.9f, Math.max(2f, length / 60f), length * 0.9f));
        g.setColor(palette[4]);
        g.fill(triangle(mast + length * 0.03, y - length * 0.85, mast + length * 0.03, y - length * 0.08,
                mast + length * 0.45, y - length * 0.08));
        g.setColor(alpha(palette[4], 200));
        g.fill(triangle(mast - length * 0.02, y - length * 0.7, mast - length * 0.02, y - length * 0.1,
                mast - length * 0.3, y - length * 0.1));
    }

    /** Rolling fields in stripes, trees, and a road winding towards the horizon. */
    private static void fields(Graphics2D g, int width, int height, Color[] palette, Random random) {
        for (int band = 0; band < 4; band++) {
            double base = height * (0.5 + band * 0.13);
            Color colour = blend(palette[2], palette[3], band / 3.0);
            g.setColor(colour);
            g.fill(hills(width, (int) base, height * 0.08, random, 2 + band));
            g.setColor(alpha(blend(colour, palette[4], 0.35), 120));
            g.setStroke(new BasicStroke(Math.max(1.5f, height / 400f)));
            for (int row = 1; row < 5; row++) {
                int y = (int) (base + row * height * 0.022);
                g.drawLine(0, y, width, y - (int) (height * 0.02));
            }
        }
        g.setColor(alpha(palette[1], 230));
        Path2D road = new Path2D.Double();
        road.moveTo(width * 0.42, height);
        road.curveTo(width * 0.5, height * 0.85, width * 0.38, height * 0.7, width * 0.55, height * 0.55);
        road.lineTo(width * 0.56, height * 0.55);
        road.curveTo(width * 0.45, height * 0.7, width * 0.62, height * 0.85, width * 0.58, height);
        road.closePath();
        g.fill(road);
        for (int i = 0; i < 14; i++) {
            float x = random.nextFloat() * width;
            float y = height * (0.55f + random.nextFloat() * 0.35f);
            float size = height * (0.03f + (y / height - 0.5f) * 0.12f);
            tree(g, x, y, size, palette[3]);
        }
    }

    private static void tree(Graphics2D g, float x, float y, float size, Color colour) {
        g.setColor(colour.darker());
        g.fill(new Rectangle2D.Float(x - size * 0.06f, y - size * 0.6f, size * 0.12f, size * 0.6f));
        g.setColor(colour);
        g.fill(new Ellipse2D.Float(x - size * 0.45f, y - size * 1.45f, size * 0.9f, size * 1.0f));
    }

    /** Snow-capped peaks over a still lake that mirrors them. */
    private static void mountains(Graphics2D g, int width, int height, Color[] palette, Random random) {
        int shore = (int) (height * 0.68);
        for (int range = 0; range < 2; range++) {
            Color rock = blend(palette[2], palette[3], range * 0.7);
            int peaks = 4 + range * 2;
            for (int i = 0; i < peaks; i++) {
                double cx = width * (i + random.nextDouble() * 0.6) / (peaks - 1);
                double peakHeight = height * (0.3 + random.nextDouble() * 0.25 - range * 0.08);
                double half = width * (0.14 + random.nextDouble() * 0.08);
                Shape peak = triangle(cx - half, shore, cx + half, shore, cx, shore - peakHeight);
                g.setColor(rock);
                g.fill(peak);
                g.setColor(alpha(Color.WHITE, 230));
                g.fill(triangle(cx - half * 0.28, shore - peakHeight * 0.72, cx + half * 0.28, shore - peakHeight * 0.72,
                        cx, shore - peakHeight));
                // the mirror image in the lake
                g.setColor(alpha(rock, 90));
                g.fill(triangle(cx - half, shore, cx + half, shore, cx, shore + peakHeight * 0.5));
            }
        }
        g.setPaint(new GradientPaint(0, shore, alpha(palette[1], 150), 0, height, alpha(palette[3], 230)));
        g.fillRect(0, shore, width, height - shore);
        g.setColor(palette[3]);
        g.fill(hills(width, (int) (height * 0.93), height * 0.05, random, 3));
        for (int i = 0; i < 10; i++) {
            float x = random.nextFloat() * width;
            pine(g, x, height * (0.9f + random.nextFloat() * 0.08f), height * (0.08f + random.nextFloat() * 0.06f), palette[3]);
        }
    }

    private static void pine(Graphics2D g, float x, float y, float size, Color colour) {
        g.setColor(colour.darker());
        g.fill(triangle(x - size * 0.3, y, x + size * 0.3, y, x, y - size));
    }

    /** Hills under the stars, an observatory dome with its slit open, and a band of aurora. */
    private static void observatory(Graphics2D g, int width, int height, Color[] palette, Random random) {
        for (int band = 0; band < 3; band++) {
            Path2D aurora = new Path2D.Double();
            double top = height * (0.18 + band * 0.06);
            aurora.moveTo(0, top);
            aurora.curveTo(width * 0.3, top - height * 0.12, width * 0.6, top + height * 0.14, width, top - height * 0.04);
            aurora.lineTo(width, top + height * 0.1);
            aurora.curveTo(width * 0.6, top + height * 0.24, width * 0.3, top, 0, top + height * 0.1);
            aurora.closePath();
            g.setColor(alpha(band == 1 ? rgb(0x7ae582) : rgb(0x4cc9f0), 45));
            g.fill(aurora);
        }
        g.setColor(palette[2]);
        g.fill(hills(width, (int) (height * 0.7), height * 0.12, random, 3));
        g.setColor(palette[3]);
        g.fill(hills(width, (int) (height * 0.82), height * 0.08, random, 2));
        double domeX = width * (0.55 + random.nextDouble() * 0.2);
        double domeY = height * 0.6;
        double domeSize = height * 0.2;
        // a squat round building, a silver dome on a dark ring, the slit open and lit from inside
        g.setColor(rgb(0x8d99ae));
        g.fill(new Rectangle2D.Double(domeX - domeSize * 0.62, domeY, domeSize * 1.24, domeSize * 0.5));
        g.setColor(rgb(0x2b2d42));
        g.fill(new Rectangle2D.Double(domeX - domeSize * 0.66, domeY - domeSize * 0.04, domeSize * 1.32, domeSize * 0.08));
        g.setPaint(new GradientPaint((float) (domeX - domeSize / 2), 0, rgb(0xedf2f4), (float) (domeX + domeSize / 2), 0, rgb(0x8d99ae)));
        g.fill(new Arc2D.Double(domeX - domeSize * 0.55, domeY - domeSize * 0.55, domeSize * 1.1, domeSize * 1.1, 0, 180, Arc2D.PIE));
        g.setColor(alpha(palette[4], 230));
        g.fill(new Rectangle2D.Double(domeX - domeSize * 0.08, domeY - domeSize * 0.54, domeSize * 0.16, domeSize * 0.5));
        g.setColor(rgb(0x2b2d42));
        g.setStroke(new BasicStroke((float) (domeSize * 0.05), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Line2D.Double(domeX, domeY - domeSize * 0.1, domeX + domeSize * 0.05, domeY - domeSize * 0.45));
        g.setColor(alpha(palette[4], 200));
        for (int window = 0; window < 3; window++) {
            g.fill(new Rectangle2D.Double(domeX - domeSize * 0.45 + window * domeSize * 0.35, domeY + domeSize * 0.18,
                    domeSize * 0.12, domeSize * 0.14));
        }
        for (int i = 0; i < 12; i++) {
            pine(g, random.nextFloat() * width, height * (0.84f + random.nextFloat() * 0.12f), height * (0.07f + random.nextFloat() * 0.07f), palette[3]);
        }
    }

    /** A filled band of rolling hills whose crest runs along {@code base}, down to the bottom edge. */
    private static Shape hills(int width, int base, double amplitude, Random random, int humps) {
        Path2D path = new Path2D.Double();
        path.moveTo(0, base);
        double step = (double) width / humps;
        for (int i = 0; i < humps; i++) {
            double x0 = i * step;
            double crest = base - amplitude * (0.4 + random.nextDouble() * 0.6);
            path.curveTo(x0 + step * 0.3, crest, x0 + step * 0.7, crest, x0 + step, base - amplitude * random.nextDouble() * 0.3);
        }
        path.lineTo(width, 100_000);
        path.lineTo(0, 100_000);
        path.closePath();
        return path;
    }

    /**
     * A square avatar: the author's initials (first and last name) drawn in white strokes on a deep colour chosen
     * from the name, as newsrooms show people without a photo.
     */
    static byte[] avatar(String name, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        Color ground = AVATAR_GROUNDS[Math.floorMod(name.hashCode(), AVATAR_GROUNDS.length)];
        g.setPaint(new GradientPaint(0, 0, ground.brighter(), size, size, ground));
        g.fillRect(0, 0, size, size);
        String initials = initials(name);
        // letters 4 units wide and 6 high, 1.6 units apart, the pair centred with a margin of a quarter each side
        double unit = size * 0.3 / 6;
        double lettersWidth = initials.length() * 4 * unit + (initials.length() - 1) * 1.6 * unit;
        double x = (size - lettersWidth) / 2;
        double y = (size - 6 * unit) / 2;
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (unit * 0.9), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (char letter : initials.toCharArray()) {
            AffineTransform place = new AffineTransform(unit, 0, 0, unit, x, y);
            for (Shape stroke : StrokeLetters.of(letter)) {
                g.draw(place.createTransformedShape(stroke));
            }
            x += 5.6 * unit;
        }
        g.dispose();
        return jpeg(image, 0.9f);
    }

    /** "Ines Moreau" → "IM"; letters the stroke alphabet lacks are left out (at worst, no initials at all). */
    static String initials(String name) {
        String[] words = name.strip().split("\\s+");
        StringBuilder initials = new StringBuilder();
        for (String word : words.length > 1 ? new String[]{words[0], words[words.length - 1]} : words) {
            char first = word.isEmpty() ? ' ' : word.toUpperCase(Locale.ROOT).charAt(0);
            if (first >= 'A' && first <= 'Z') {
                initials.append(first);
            }
        }
        return initials.toString();
    }

    /** Capital letters A–Z as strokes on a 4 × 6 grid (y down), in the spirit of a monoline sign-writer's hand. */
    static final class StrokeLetters {

        private StrokeLetters() {
        }

        static List<Shape> of(char letter) {
            List<Shape> strokes = new ArrayList<>();
            switch (letter) {
                case 'A' -> { strokes.add(line(0, 6, 2, 0, 4, 6)); strokes.add(line(0.8, 4, 3.2, 4)); }
                case 'B' -> { strokes.add(line(2.3, 0, 0, 0, 0, 6, 2.5, 6)); strokes.add(arc(2.3, 1.5, 1.5, 1.5, 90, -180));
                    strokes.add(line(0, 3, 2.5, 3)); strokes.add(arc(2.5, 4.5, 1.5, 1.5, 90, -180)); }
                case 'C' -> strokes.add(arc(2.2, 3, 2.2, 3, 45, 270));
                case 'D' -> { strokes.add(line(1.2, 0, 0, 0, 0, 6, 1.2, 6)); strokes.add(arc(1.2, 3, 2.8, 3, 90, -180)); }
                case 'E' -> { strokes.add(line(4, 0, 0, 0, 0, 6, 4, 6)); strokes.add(line(0, 3, 3, 3)); }
                case 'F' -> { strokes.add(line(4, 0, 0, 0, 0, 6)); strokes.add(line(0, 3, 3, 3)); }
                case 'G' -> { strokes.add(arc(2.2, 3, 2.2, 3, 45, 270)); strokes.add(line(2.4, 3.4, 4.3, 3.4, 4.3, 5.1)); }
                case 'H' -> { strokes.add(line(0, 0, 0, 6)); strokes.add(line(4, 0, 4, 6)); strokes.add(line(0, 3, 4, 3)); }
                case 'I' -> { strokes.add(line(2, 0, 2, 6)); strokes.add(line(1, 0, 3, 0)); strokes.add(line(1, 6, 3, 6)); }
                case 'J' -> { strokes.add(line(4, 0, 4, 4.2)); strokes.add(arc(2, 4.2, 2, 1.8, 0, -180)); }
                case 'K' -> { strokes.add(line(0, 0, 0, 6)); strokes.add(line(4, 0, 0, 3.6)); strokes.add(line(1.4, 2.6, 4, 6)); }
                case 'L' -> strokes.add(line(0, 0, 0, 6, 4, 6));
                case 'M' -> strokes.add(line(0, 6, 0, 0, 2, 4, 4, 0, 4, 6));
                case 'N' -> strokes.add(line(0, 6, 0, 0, 4, 6, 4, 0));
                case 'O' -> strokes.add(arc(2, 3, 2, 3, 0, 360));
                case 'P' -> { strokes.add(line(0, 6, 0, 0, 2.4, 0)); strokes.add(arc(2.4, 1.6, 1.6, 1.6, 90, -180));
                    strokes.add(line(2.4, 3.2, 0, 3.2)); }
                case 'Q' -> { strokes.add(arc(2, 3, 2, 3, 0, 360)); strokes.add(line(2.6, 4.4, 4.2, 6.2)); }
                case 'R' -> { strokes.add(line(0, 6, 0, 0, 2.4, 0)); strokes.add(arc(2.4, 1.6, 1.6, 1.6, 90, -180));
                    strokes.add(line(2.4, 3.2, 0, 3.2)); strokes.add(line(2.2, 3.2, 4, 6)); }
                case 'S' -> { strokes.add(arc(2, 1.5, 2, 1.5, 20, 250)); strokes.add(arc(2, 4.5, 2, 1.5, 90, -250)); }
                case 'T' -> { strokes.add(line(0, 0, 4, 0)); strokes.add(line(2, 0, 2, 6)); }
                case 'U' -> { strokes.add(line(0, 0, 0, 4)); strokes.add(arc(2, 4, 2, 2, 180, 180)); strokes.add(line(4, 4, 4, 0)); }
                case 'V' -> strokes.add(line(0, 0, 2, 6, 4, 0));
                case 'W' -> strokes.add(line(0, 0, 1, 6, 2, 2, 3, 6, 4, 0));
                case 'X' -> { strokes.add(line(0, 0, 4, 6)); strokes.add(line(4, 0, 0, 6)); }
                case 'Y' -> { strokes.add(line(0, 0, 2, 3, 4, 0)); strokes.add(line(2, 3, 2, 6)); }
                case 'Z' -> strokes.add(line(0, 0, 4, 0, 0, 6, 4, 6));
                default -> {
                    // not a capital A–Z: nothing is drawn
                }
            }
            return strokes;
        }

        private static Shape line(double... points) {
            Path2D path = new Path2D.Double();
            path.moveTo(points[0], points[1]);
            for (int i = 2; i < points.length; i += 2) {
                path.lineTo(points[i], points[i + 1]);
            }
            return path;
        }

        /** An open elliptical arc around (cx, cy); angles in degrees, 90 at the top, positive counter-clockwise. */
        private static Shape arc(double cx, double cy, double rx, double ry, double start, double extent) {
            return new Arc2D.Double(cx - rx, cy - ry, rx * 2, ry * 2, start, extent, Arc2D.OPEN);
        }
    }

    private static Shape triangle(double x1, double y1, double x2, double y2, double x3, double y3) {
        Path2D path = new Path2D.Double();
        path.moveTo(x1, y1);
        path.lineTo(x2, y2);
        path.lineTo(x3, y3);
        path.closePath();
        return path;
    }

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }

    private static Color alpha(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), Math.max(0, Math.min(255, alpha)));
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
