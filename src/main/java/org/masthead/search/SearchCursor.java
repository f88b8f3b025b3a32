package org.masthead.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.masthead.system.BadRequestException;

/** Keyset position in a result list: (rank, published_at, id) of the last hit shown; rank 0 when sorted by date. */
record SearchCursor(double rank, Instant publishedAt, long id) {

    static SearchCursor parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split("_", -1);
        try {
            if (parts.length == 3) {
                double rank = Double.parseDouble(parts[0]);
                long micros = Long.parseLong(parts[1]);
                long id = Long.parseLong(parts[2]);
                if (Double.isFinite(rank) && micros >= 0 && micros < 253_402_300_800_000_000L && id >= 0) {
                    return new SearchCursor(rank, Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadRequestException("The link to more results is not valid. Search again from the first page.");
    }

    @Override
    public String toString() {
        long micros = Math.addExact(Math.multiplyExact(publishedAt.getEpochSecond(), 1_000_000L), publishedAt.getNano() / 1_000L);
        return rank + "_" + micros + "_" + id;
    }
}
