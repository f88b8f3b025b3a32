package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** Windows of weeks and months as the index's period lexemes: whole years as one, the rest one by one. */
class SearchPeriodTests {

    @Test
    void wholeYearsBecomeOneLexemeAndPartialYearsTheirMonths() {
        assertThat(Search.months(YearMonth.of(2025, 11), YearMonth.of(2027, 2)))
                .isEqualTo("'m202511' | 'm202512' | 'y2026' | 'm202701' | 'm202702'");
    }

    @Test
    void aSingleMonthIsItsOwnLexeme() {
        assertThat(Search.months(YearMonth.of(2024, 1), YearMonth.of(2024, 1))).isEqualTo("'m202401'");
    }

    @Test
    void aYearFromJanuaryToDecemberIsTheYear() {
        assertThat(Search.months(YearMonth.of(2019, 1), YearMonth.of(2020, 12))).isEqualTo("'y2019' | 'y2020'");
    }

    @Test
    void weeksCountFromTheUnixEpochAndBeforeItToo() {
        assertThat(Search.week(Instant.parse("1970-01-07T23:59:59Z"))).isZero();
        assertThat(Search.week(Instant.parse("1970-01-08T00:00:00Z"))).isEqualTo(1);
        assertThat(Search.week(Instant.parse("1969-12-31T23:59:59Z"))).isEqualTo(-1);
        assertThat(Search.weeks(2900, 2901)).isEqualTo("'w2900' | 'w2901'");
    }
}
