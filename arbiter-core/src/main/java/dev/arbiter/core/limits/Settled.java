package dev.arbiter.core.limits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One budget's counter after a settle: its period start and the spend before and after the real cost was added. */
public record Settled(Budget budget, Instant periodStart, BigDecimal before, BigDecimal after) {

    /** The alert fractions this settle crossed (spend went from below {@code f × limit} to at or above it). */
    public List<BigDecimal> crossed() {
        BigDecimal limit = budget.spec().usd();
        return budget.alertAt().stream()
                .filter(f -> {
                    BigDecimal threshold = limit.multiply(f);
                    return before.compareTo(threshold) < 0 && after.compareTo(threshold) >= 0;
                })
                .toList();
    }
}
