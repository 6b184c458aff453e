package dev.arbiter.core.limits;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Spend per budget and period, reserved before a call and settled after it. {@link #reserve} is all-or-nothing
 * across the budgets given (key, user, team, route): either every counter takes the estimate or none does and the
 * first budget that would be exceeded is named. A counter's spend in its current period is seeded from the ledger
 * the first time it is touched, so budgets survive restarts. A reservation that is never settled or released
 * (its process died) stops counting after its lease, so a crash cannot eat a budget for the rest of the period.
 */
public interface SpendCounters {
    /** How long an unsettled reservation holds its amount; longer than any request should take. */
    Duration DEFAULT_LEASE = Duration.ofMinutes(15);
    /** How long a counter is kept after its period ends, so late settles (a stream across midnight) still land. */
    Duration KEEP_AFTER_PERIOD = Duration.ofDays(1);

    /** Reserves {@code estimate} on every budget, or refuses naming the first that has no room for it. */
    ReserveResult reserve(List<Budget> budgets, BigDecimal estimate);

    /**
     * Replaces the reservation by the real cost on each of its counters (even after the lease ran out) and says
     * where each counter went, for threshold alerts. Counters that no longer exist are skipped.
     */
    List<Settled> settle(Reservation reservation, BigDecimal actual);

    /** Gives the reservation back without spending anything (the call failed before using the upstream). */
    void release(Reservation reservation);

    /** What {@link #reserve} answers: a {@link Reservation} or a {@link BudgetRefusal}. */
    sealed interface ReserveResult permits Reservation, BudgetRefusal {
    }
}
