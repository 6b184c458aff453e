package dev.arbiter.core.limits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An estimate held on some budgets' counters: its id, the budgets, when it was taken (which fixes each budget's
 * period, so a settle after midnight still lands on the period that was charged) and the amount in micro-dollars.
 */
public record Reservation(String id, List<Budget> budgets, Instant at, long micros)
        implements SpendCounters.ReserveResult {
    public Reservation {
        budgets = List.copyOf(budgets);
    }

    /** A new reservation with a random id. */
    public static Reservation create(List<Budget> budgets, Instant at, long micros) {
        return new Reservation(UUID.randomUUID().toString(), budgets, at, micros);
    }

    public BigDecimal estimate() {
        return Money.usd(micros);
    }
}
