package dev.arbiter.core.limits;

import java.math.BigDecimal;

/** A spending limit in USD per period (e.g. a key's {@code {"usd": 50, "period": "month"}}). */
public record BudgetSpec(BigDecimal usd, Period period) {
    public BudgetSpec {
        if (usd == null || usd.signum() < 0) {
            throw new IllegalArgumentException("a budget must be zero or more USD, got " + usd);
        }
        if (period == null) {
            throw new IllegalArgumentException("a budget needs a period (day, week or month)");
        }
    }
}
