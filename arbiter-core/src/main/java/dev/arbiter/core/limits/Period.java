package dev.arbiter.core.limits;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** A budget period, in UTC calendar terms: a day, an ISO week (Monday first) or a calendar month. */
public enum Period {
    DAY, WEEK, MONTH;

    /** The start of the period that contains {@code at}. */
    public Instant start(Instant at) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate first = switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
        return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The start of the next period after the one that contains {@code at}. */
    public Instant end(Instant at) {
        LocalDate first = start(at).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate next = switch (this) {
            case DAY -> first.plusDays(1);
            case WEEK -> first.plusWeeks(1);
            case MONTH -> first.plusMonths(1);
        };
        return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The lower-case name used in config and the admin API. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
