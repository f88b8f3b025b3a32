package org.masthead.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class SiteTimesTests {

    static final Instant SEED_PUBLISHED = Instant.parse("2026-02-20T13:47:00Z");

    private static Site in(String zone) {
        return new Site("Daily", "", "en", "https://example.test", ZoneId.of(zone), null, "Daily");
    }

    @Test
    void articleTimesNameTheZoneTheyAreShownIn() {
        assertThat(in("UTC").dateTimeWithZone(SEED_PUBLISHED)).isEqualTo("Feb. 20, 2026, 1:47 PM UTC");
        assertThat(in("Europe/Kyiv").dateTimeWithZone(SEED_PUBLISHED)).isEqualTo("Feb. 20, 2026, 3:47 PM EET");
        assertThat(in("America/New_York").dateTimeWithZone(SEED_PUBLISHED)).isEqualTo("Feb. 20, 2026, 8:47 AM EST");
    }

    @Test
    void theMachineReadableTimeCarriesTheSameOffset() {
        assertThat(in("Europe/Kyiv").iso(SEED_PUBLISHED)).isEqualTo("2026-02-20T15:47:00+02:00");
    }
}
