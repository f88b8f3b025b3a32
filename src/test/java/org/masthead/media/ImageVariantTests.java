package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.ReaderClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The resized copies readers are sent: JPEG and WebP at every width, small enough for avatars and thumbnails, close
 * enough together that no box loads much more than it shows, and made for pictures stored before these existed.
 */
@EmptySiteTest
class ImageVariantTests {

    private static final List<Integer> BELOW_1600 = List.of(80, 113, 160, 226, 320, 452, 640, 905, 1280);

    @Autowired MediaLibrary library;
    @Autowired MissingVariants missingVariants;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void nextWidthIsAtMostRootTwoWiderSoNoBoxLoadsMuchMoreThanTwiceItsPixels() {
        int[] widths = ImageProcessor.VARIANT_WIDTHS;
        assertThat(widths[0]).as("small enough for a 72 px avatar on a 1× screen").isLessThanOrEqualTo(80);
        for (int i = 1; i < widths.length; i++) {
            double pixels = Math.pow((double) widths[i] / widths[i - 1], 2);
            assertThat(pixels).as(widths[i - 1] + " → " + widths[i]).isLessThan(2.02);
        }
    }

    @Test
    void libwebpLoadsOnThisMachine() {
        assertThat(WebpEncoder.available()).as("com.github.usefulness:webp-imageio's native library").isTrue();
    }

    @Test
    void anUploadGetsEveryNarrowerWidthAsJpegAndWebpServedAsImmutableFilesOfTheRightSize() throws IOException {
        MediaFile stored = library.upload(UploadTests.picture("jpg", 1600, 900), "wide.jpg", null);

        ReaderClient reader = new ReaderClient(port);
        for (boolean webp : new boolean[]{false, true}) {
            List<Map<String, Object>> variants = variants(stored.id(), webp);
            assertThat(variants).as(webp ? "WebP" : "JPEG").extracting(row -> row.get("width")).containsExactlyElementsOf(BELOW_1600);
            for (Map<String, Object> variant : variants) {
                HttpResponse<byte[]> response = reader.getBytes(MediaUrls.PATH + variant.get("file_name"));
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).hasValue(webp ? "image/webp" : "image/jpeg");
                assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
                if (webp) {
                    assertThat(new String(response.body(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
                }
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
                assertThat(image.getWidth()).isEqualTo(variant.get("width"));
                assertThat(image.getHeight()).as("16:9 kept").isEqualTo(variant.get("height"))
                        .isCloseTo((Integer) variant.get("width") * 9 / 16, Offset.offset(1));
            }
        }
        assertThat(library.variants(stored.id())).as("the JPEG ones, for srcset").extracting(MediaLibrary.Variant::width)
                .containsExactlyElementsOf(BELOW_1600);
    }

    @Test
    void aPictureStoredBeforeTheSmallWidthsAndWebpExistedGetsThemFromItsOriginal() throws IOException {
        MediaFile stored = library.upload(UploadTests.picture("jpg", 1400, 700), "older.jpg", null);
        // as a picture stored with the old widths (320, 640, 960, 1280, 1920) and no WebP looks
        jdbc.sql("delete from media_variant where media_id = ? and (width in (80, 113, 905) or webp)").param(stored.id()).update();
        assertThat(variants(stored.id(), true)).isEmpty();

        // (the scheduled run, 20 s after start, may get there first: what counts is what is stored afterwards)
        missingVariants.addAll();

        for (boolean webp : new boolean[]{false, true}) {
            List<Map<String, Object>> variants = variants(stored.id(), webp);
            assertThat(variants).extracting(row -> row.get("width")).containsExactlyElementsOf(BELOW_1600);
            for (Map<String, Object> variant : variants) {
                BufferedImage image = ImageIO.read(library.open((String) variant.get("file_name")).orElseThrow().getInputStream());
                assertThat(image.getWidth()).isEqualTo(variant.get("width"));
                assertThat(image.getHeight()).isEqualTo(variant.get("height"))
                        .isCloseTo((Integer) variant.get("width") / 2, Offset.offset(1));
            }
        }
        assertThat(library.lackingVariants(stored.id() - 1, 10)).extracting(MediaFile::id).doesNotContain(stored.id());
    }

    @Test
    void aPictureNarrowerThanAWidthGetsNoCopyThatWide() throws IOException {
        MediaFile stored = library.upload(UploadTests.picture("jpg", 200, 200), "avatar.jpg", null);
        assertThat(library.variants(stored.id())).extracting(MediaLibrary.Variant::width).containsExactly(80, 113, 160);
        assertThat(variants(stored.id(), true)).extracting(row -> row.get("width")).containsExactly(80, 113, 160);
        assertThat(library.lackingVariants(stored.id() - 1, 10)).extracting(MediaFile::id).doesNotContain(stored.id());
    }

    private List<Map<String, Object>> variants(long mediaId, boolean webp) {
        return jdbc.sql("select width, height, file_name from media_variant where media_id = ? and webp = ? order by width")
                .params(mediaId, webp).query().listOfRows();
    }
}
