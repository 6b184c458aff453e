package dev.arbiter.core.limits;

import java.math.BigDecimal;
import java.util.List;

/** Budgets for tests. */
final class Budgets {
    private Budgets() {
    }

    static Budget of(BudgetRule.Scope scope, String subject, String usd, Period period) {
        return new Budget(scope, subject, null, new BudgetSpec(new BigDecimal(usd), period), List.of(), null);
    }

    static Budget team(String subject, String usd) {
        return of(BudgetRule.Scope.TEAM, subject, usd, Period.MONTH);
    }

    static Budget key(String subject, String usd) {
        return of(BudgetRule.Scope.KEY, subject, usd, Period.DAY);
    }

    static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }
}
