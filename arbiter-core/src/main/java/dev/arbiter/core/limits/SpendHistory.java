package dev.arbiter.core.limits;

import dev.arbiter.core.ledger.CostQuery;
import java.math.BigDecimal;
import java.time.Instant;

/** What a budget's subject already spent in a period, from the ledger; seeds a counter the first time it is touched. */
@FunctionalInterface
public interface SpendHistory {
    /** No ledger: every counter starts at zero. */
    SpendHistory NONE = (budget, periodStart) -> BigDecimal.ZERO;

    BigDecimal spentSince(Budget budget, Instant periodStart);

    /** The ledger's spend of the budget's subject (by key id, user, team or route) since the period start. */
    static SpendHistory from(CostQuery ledger) {
        return (budget, periodStart) -> {
            BigDecimal spent = ledger.spend(budget.scope().ledgerGroup(), budget.subject(), periodStart);
            return spent == null ? BigDecimal.ZERO : spent;
        };
    }
}
