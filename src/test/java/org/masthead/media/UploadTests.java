package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.masthead.content.Authors;
import org.masthead.identity.StaffAccounts;
import org.masthead.content.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.masthead.support.NewsroomClient;
import org.masthead.support.ReaderClient;
import org.masthead.system.MastheadProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** Uploads with real files: what is accepted, what is refused, and that refusals store nothing. */
@EmptySiteTest
class UploadTests {

    @Autowired MediaLibrary library;
    @Autowired LocalMediaStore store;
    @Autowired JdbcClient jdbc;
    @Autowired MastheadProperties properties;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    static byte[] picture(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.BLUE, width, height, Color.ORANGE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] webp() throws IOException {
        try (var in = UploadTests.class.getResourceAsStream("/media/gradient-800x450.webp")) {
            return in.readAllBytes();
        }
    }

    @Test
    void jpegPngAndWebpAreAcceptedWithResizedVariants() throws IOException {
        for (var upload : List.of(Map.entry("image/jpeg", picture("jpg", 1400, 800)),
                Map.entry("image/png", picture("png", 700, 400)), Map.entry("image/webp", webp()))) {
            MediaFile stored = library.upload(upload.getValue(), "upload", null);
            assertThat(stored.contentType()).isEqualTo(upload.getKey());
            assertThat(Files.exists(store.pathOf(stored.fileName()))).isTrue();
            List<Integer> widths = jdbc.sql("select width from media_variant where media_id = ? and not webp order by width")
                    .param(stored.id()).query(Integer.class).list();
            List<Integer> expected = Arrays.stream(ImageProcessor.VARIANT_WIDTHS).filter(w -> w < stored.width()).boxed().toList();
            assertThat(widths).as(upload.getKey()).isEqualTo(expected).isNotEmpty();
            for (String variant : jdbc.sql("select file_name from media_variant where media_id = ?").param(stored.id()).query(String.class).list()) {
                BufferedImage decoded = ImageIO.read(store.pathOf(variant).toFile());
                assertThat(decoded.getWidth()).isIn(expected);
            }
        }
    }

    @Test
    void aPngNamedJpgIsStoredAsThePngItIs() throws IOException {
        MediaFile stored = library.upload(picture("png", 400, 300), "holiday.jpg", null);
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.fileName()).endsWith(".png");
        assertThat(stored.originalName()).isEqualTo("holiday.jpg");
    }

    @Test
    void aPictureHoldingNothingButThePictureIsStoredByteForByteSoMovingItNeverDegradesIt() throws IOException {
        byte[] clean = picture("jpg", 612, 401);
        MediaFile stored = library.upload(clean, "clean.jpg", null);
        assertThat(Files.readAllBytes(store.pathOf(stored.fileName()))).isEqualTo(clean);

        // what the pipeline wrote, uploaded again (an export moved to another site), is the same file
        byte[] again = Files.readAllBytes(store.pathOf(stored.fileName()));
        assertThat(library.upload(again, "moved.jpg", null).fileName()).isEqualTo(stored.fileName());

        // a comment segment is not part of the picture: such a file is rewritten without it
        byte[] commented = new byte[clean.length + 12];
        System.arraycopy(clean, 0, commented, 0, 2);
        byte[] comment = {(byte) 0xFF, (byte) 0xFE, 0, 10, 'p', 'a', 'y', 'l', 'o', 'a', 'd', '!'};
        System.arraycopy(comment, 0, commented, 2, comment.length);
        System.arraycopy(clean, 2, commented, 14, clean.length - 2);
        byte[] kept = Files.readAllBytes(store.pathOf(library.upload(commented, "commented.jpg", null).fileName()));
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("payload!");

        // nor may anything ride after the picture's end
        byte[] trailing = java.util.Arrays.copyOf(clean, clean.length + 8);
        System.arraycopy("<script>".getBytes(StandardCharsets.ISO_8859_1), 0, trailing, clean.length, 8);
        byte[] rewritten = Files.readAllBytes(store.pathOf(library.upload(trailing, "trailing.jpg", null).fileName()));
        assertThat(new String(rewritten, StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
    }

    @Test
    void exifMetadataIsStrippedAndItsOrientationApplied() throws IOException {
        byte[] rotated = withExifOrientation(picture("jpg", 600, 400), 6); // "rotate 90° clockwise to view"
        assertThat(new String(rotated, StandardCharsets.ISO_8859_1)).contains("Exif");
        MediaFile stored = library.upload(rotated, "portrait.jpg", null);
        assertThat(stored.width()).isEqualTo(400);
        assertThat(stored.height()).isEqualTo(600);
        byte[] kept = Files.readAllBytes(store.pathOf(stored.fileName()));
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    }

    @Test
    void webpMetadataChunksAreDropped() throws IOException {
        byte[] original = webp();
        byte[] withExif = appendRiffChunk(original, "EXIF", "camera serial 12345".getBytes(StandardCharsets.US_ASCII));
        MediaFile stored = library.upload(withExif, "with-exif.webp", null);
        byte[] kept = Files.readAllBytes(store.pathOf(stored.fileName()));
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("camera serial", "EXIF");
        assertThat(ImageIO.read(new ByteArrayInputStream(kept)).getWidth()).isEqualTo(800);
    }

    @Test
    void everythingThatIsNotASoundImageIsRefusedAndNothingIsStored() throws IOException {
        byte[] jpeg = picture("jpg", 800, 600);
        Map<String, byte[]> refused = Map.of(
                "an SVG with a script", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8),
                "an HTML page named .png", "<!DOCTYPE html><html><body><script>steal()</script></body></html>".getBytes(StandardCharsets.UTF_8),
                "an executable", new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0},
                "a truncated JPEG", Arrays.copyOf(jpeg, jpeg.length / 2),
                "a decompression bomb", pngHeaderOnly(40_000, 40_000),
                "an empty file", new byte[0]);
        long rowsBefore = jdbc.sql("select count(*) from media").query(Long.class).single();
        long filesBefore = countFiles();
        for (var upload : refused.entrySet()) {
            assertThatThrownBy(() -> library.upload(upload.getValue(), "file.png", null)).as(upload.getKey())
                    .isInstanceOf(MediaException.class);
        }
        assertThat(jdbc.sql("select count(*) from media").query(Long.class).single()).isEqualTo(rowsBefore);
        assertThat(countFiles()).isEqualTo(filesBefore);
    }

    @Test
    void refusalsReachTheUploaderAsReadable4xxMessages() throws IOException {
        Staff staff = Staff.create(sections, authors, accounts);
        NewsroomClient editor = NewsroomClient.signedIn(port, staff.editor().email(), Staff.PASSWORD);
        HttpResponse<String> svg = editor.postMultipart("/admin/media", List.of(), "file", "logo.svg", "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8));
        assertThat(svg.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(svg.body()).selectFirst("[role=alert]").text())
                .isEqualTo("Only JPEG, PNG, WebP and GIF images can be uploaded; this file is none of them.");

        HttpResponse<String> bomb = editor.postMultipart("/admin/media", List.of(), "file", "huge.png", "image/png",
                pngHeaderOnly(40_000, 40_000));
        assertThat(bomb.statusCode()).isEqualTo(422);
        assertThat(bomb.body()).contains("40000 × 40000 pixels", "at most 50 megapixels");

        HttpResponse<String> ok = editor.postMultipart("/admin/media", List.of(Map.entry("alt", "A gradient"),
                Map.entry("credit", "Test Studio")), "file", "gradient.jpg", "image/jpeg", picture("jpg", 1000, 500));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(editor.get("/admin/media").body()).contains("gradient.jpg", "Test Studio");
    }

    @Test
    void gifsAreAcceptedWithVariantsAndAnAnimationIsJudgedByItsCanvas() throws IOException {
        MediaFile gif = library.upload(picture("gif", 700, 300), "animation.gif", null);
        assertThat(gif.contentType()).isEqualTo("image/gif");
        assertThat(jdbc.sql("select count(*) from media_variant where media_id = ? and not webp").param(gif.id()).query(Long.class).single())
                .isEqualTo(Arrays.stream(ImageProcessor.VARIANT_WIDTHS).filter(width -> width < 700).count()); // 80 … 640
        byte[] hugeCanvas = picture("gif", 20, 20);
        hugeCanvas[6] = (byte) 0x40; // logical screen 40000 × 40000, one small frame
        hugeCanvas[7] = (byte) 0x9C;
        hugeCanvas[8] = (byte) 0x40;
        hugeCanvas[9] = (byte) 0x9C;
        assertThatThrownBy(() -> library.upload(hugeCanvas, "canvas.gif", null))
                .isInstanceOf(MediaException.class).hasMessageContaining("canvas");
    }

    @Test
    void filesOverTheSizeLimitAreRefusedBeforeDecoding() throws IOException {
        ImageProcessor small = new ImageProcessor(new MediaLimits(DataSize.ofKilobytes(10), 50_000_000));
        assertThatThrownBy(() -> small.process(picture("png", 1200, 900)))
                .isInstanceOf(MediaException.class).hasMessageContaining("images may be at most 0.0 MB".substring(0, 20));
    }

    @Test
    void uploadedImagesAreServedWithAnImmutableCacheAndTheirContentType() throws IOException {
        MediaFile stored = library.upload(webp(), "served.webp", null);
        HttpResponse<byte[]> response = new ReaderClient(port).getBytes(stored.url());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
    }

    private long countFiles() throws IOException {
        Path media = properties.mediaDir();
        if (!Files.exists(media)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(media)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** A PNG that claims enormous dimensions: only its header, as a decompression bomb would start. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        byte[] header = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        writeChunk(out, "IHDR", header);
        writeChunk(out, "IDAT", new byte[]{0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        writeChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Inserts an EXIF APP1 segment holding only an orientation tag right after the JPEG's SOI marker. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static byte[] appendRiffChunk(byte[] webp, String fourCc, byte[] payload) {
        int padded = payload.length + (payload.length & 1);
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(webp.length + 8 + padded).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.put(webp);
        out.put(fourCc.getBytes(StandardCharsets.US_ASCII)).putInt(payload.length).put(payload);
        if ((payload.length & 1) == 1) {
            out.put((byte) 0);
        }
        out.putInt(4, webp.length + 8 + padded - 8);
        return out.array();
    }
}
