package dev.arbiter.core.limits;

import dev.arbiter.core.error.ArbiterException;
import java.math.BigDecimal;

/**
 * Why a reservation was refused: the first budget without room, what its current period has spent, what requests
 * in flight hold on it, and what this request needed.
 */
public record BudgetRefusal(Budget budget, BigDecimal spent, BigDecimal reserved, BigDecimal requested)
        implements SpendCounters.ReserveResult {

    /**
     * "team t1's monthly budget of $100.00 is exhausted ($99.98 spent, $0.05 reserved by requests in flight; this
     * request needs up to $0.03)".
     */
    public String message() {
        return budget.describe() + " is exhausted (" + Money.format(spent) + " spent, " + Money.format(reserved)
                + " reserved by requests in flight; this request needs up to " + Money.format(requested) + ")";
    }

    /** The caller's error: 429 or 402 as the budget's rule says, code {@code budget_exceeded}. */
    public ArbiterException toException() {
        return new ArbiterException(budget.onExceed().errorKind(), message() + ".", null, "budget_exceeded", null);
    }
}
