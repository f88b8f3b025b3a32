package org.masthead.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The newsroom's focus ring stands out at least 3:1 against what it is drawn on (WCAG 2.2, non-text contrast). */
class NewsroomFocusRingTests {

    @Test
    void theFocusRingContrastsAtLeastThreeToOneWithThePagesAndTheHeader() throws IOException {
        String css = stylesheet("/static/assets/admin.css");
        String ring = variable(css, "--focus");
        assertThat(contrast(ring, "#ffffff")).as("on white panels").isGreaterThanOrEqualTo(3.0);
        assertThat(contrast(ring, variable(css, "--bg"))).as("on the page background").isGreaterThanOrEqualTo(3.0);

        String header = declared(css, ".admin-header", "background");
        assertThat(declared(css, ".admin-header :focus-visible", "outline-color")).isEqualTo("var(--focus-on-dark)");
        assertThat(contrast(variable(css, "--focus-on-dark"), header)).as("in the navy header").isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void theEditorsFocusRingContrastsAtLeastThreeToOneWithItsWhiteSurface() throws IOException {
        String css = stylesheet("/static/assets/editor/editor.css");
        assertThat(contrast(variable(css, "--mh-focus"), "#ffffff")).isGreaterThanOrEqualTo(3.0);
    }

    private static String stylesheet(String resource) throws IOException {
        try (InputStream in = NewsroomFocusRingTests.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String variable(String css, String name) {
        Matcher value = Pattern.compile(Pattern.quote(name) + ":\\s*(#[0-9a-fA-F]{6})").matcher(css);
        assertThat(value.find()).as(name + " declared as a colour").isTrue();
        return value.group(1);
    }

    private static String declared(String css, String selector, String property) {
        Matcher rule = Pattern.compile("(?m)^" + Pattern.quote(selector) + "\\s*\\{([^}]*)\\}").matcher(css);
        assertThat(rule.find()).as(selector).isTrue();
        Matcher value = Pattern.compile(Pattern.quote(property) + ":\\s*([^;]+);").matcher(rule.group(1));
        assertThat(value.find()).as(selector + " " + property).isTrue();
        return value.group(1).strip();
    }

    /** WCAG's contrast ratio of two sRGB colours. */
    static double contrast(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }
}
