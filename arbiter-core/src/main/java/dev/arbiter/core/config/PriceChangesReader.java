package dev.arbiter.core.config;

import dev.arbiter.core.catalog.PriceSchedule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a model's {@code price_changes} list: each item is {@code from} (a UTC date such as {@code 2026-12-01}, or
 * a full ISO instant such as {@code 2026-12-01T08:00:00Z}) and a price; items must be in strictly increasing time
 * order, so a typo in a date cannot silently reorder the schedule.
 */
final class PriceChangesReader {
    private static final Set<String> KEYS = Set.of("from", "input", "output", "cached_input", "cache_write");

    private PriceChangesReader() {
    }

    static PriceSchedule read(Cursor list) {
        List<PriceSchedule.Change> changes = new ArrayList<>();
        Cursor previous = null;
        for (Cursor item : list.items()) {
            Fields f = item.fields(KEYS);
            Cursor fromCursor = f.required("from");
            Instant from = instant(fromCursor);
            if (!changes.isEmpty()) {
                Instant last = changes.getLast().from();
                if (from.equals(last)) {
                    throw fromCursor.error("duplicate price change from " + from + " (first given at "
                            + previous.path() + ", line " + previous.line() + ")");
                }
                if (from.isBefore(last)) {
                    throw fromCursor.error("price changes must be in date order: " + from + " comes after "
                            + last + " (" + previous.path() + ", line " + previous.line() + ")");
                }
            }
            changes.add(new PriceSchedule.Change(from, ModelReader.price(f)));
            previous = fromCursor;
        }
        return new PriceSchedule(changes);
    }

    /** A date means its start in UTC; anything else must be a full ISO-8601 instant with an offset. */
    private static Instant instant(Cursor c) {
        String text = c.requiredText();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeException e) {
            throw c.error("expected a UTC date (2026-12-01) or an ISO instant (2026-12-01T08:00:00Z), got '"
                    + text + "'");
        }
    }
}
