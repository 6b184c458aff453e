package dev.arbiter.core.ledger;

import java.math.BigDecimal;

/**
 * Sums over a set of ledger rows: requests, tokens, cost, and the baseline cost the same requests would have had
 * (savings = baseline − cost).
 */
public record CostTotals(long requests, long inputTokens, long cachedInputTokens, long outputTokens,
                         long reasoningTokens, BigDecimal costUsd, BigDecimal baselineCostUsd) {
    public static final CostTotals EMPTY = new CostTotals(0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

    public BigDecimal savingsUsd() {
        return baselineCostUsd.subtract(costUsd);
    }
}
