package dev.arbiter.core.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Reads the ledger back: cost reports, daily spend (for projections) and spend of one subject (for budgets). */
public interface CostQuery {
    CostReport costs(GroupBy by, Instant from, Instant to);

    /** Cost per UTC day and group between from and to, oldest first (days without traffic are left out). */
    List<DailySpend> daily(GroupBy by, Instant from, Instant to);

    /** What one subject (the key id, user, team or route named by {@code by}) spent since {@code from}. */
    BigDecimal spend(GroupBy by, String subject, Instant from);

    /** One group's cost and requests on one UTC day. */
    record DailySpend(java.time.LocalDate day, String name, long requests, BigDecimal costUsd) {
    }
}
