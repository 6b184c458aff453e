package dev.arbiter.core.limits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** A budget's spend crossed one of its alert fractions in the period starting at {@code periodStart}. */
public record BudgetAlert(Budget budget, Instant periodStart, BigDecimal fraction, BigDecimal spent, Instant at) {

    /** "team t1's monthly budget of $100.00 is 80% spent ($80.03 in the period from 2026-05-01T00:00:00Z)". */
    public String message() {
        BigDecimal percent = fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return budget.describe() + " is " + percent.toPlainString() + "% spent (" + Money.format(spent)
                + " in the period from " + periodStart + ")";
    }
}
