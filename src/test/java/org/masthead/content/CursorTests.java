package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.masthead.system.BadRequestException;

class CursorTests {

    @Test
    void writesAndReadsBackMicrosecondPrecision() {
        Cursor cursor = new Cursor(Instant.parse("2026-02-20T13:47:00.123456789Z"), 42);
        assertThat(cursor.toString()).isEqualTo("1771595220123456.42");
        assertThat(Cursor.parse(cursor.toString()))
                .isEqualTo(new Cursor(Instant.parse("2026-02-20T13:47:00.123456Z"), 42));
    }

    @Test
    void noValueMeansTheFirstPage() {
        assertThat(Cursor.parse(null)).isNull();
        assertThat(Cursor.parse("")).isNull();
    }

    @Test
    void malformedValuesAreABadRequestWithAReadableMessage() {
        for (String bad : new String[]{"abc", "1.2.3", "1771595220123456", "12.-4", "99999999999999999999.1",
                "1.1; drop table article", "1.99999999999999999999", "9223372036854775807.1", "-5.1"}) {
            assertThatThrownBy(() -> Cursor.parse(bad))
                    .as(bad)
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("page link is not valid");
        }
    }
}
