package dev.arbiter.core.config;

import java.time.Duration;

/**
 * The {@code ledger} section: whether requests are recorded, how often the batch writer flushes (the most a crash
 * can lose), how many rows a batch holds, how many rows may wait in memory, and the model savings are measured
 * against when a route names no {@code baseline} of its own (null: the costliest candidate the router considered).
 */
public record LedgerConfig(boolean enabled, Duration flushInterval, int batchSize, int queueCapacity,
                           String baselineModel) {
    public static final LedgerConfig DEFAULTS = new LedgerConfig(true, Duration.ofSeconds(1), 500, 100_000, null);

    public LedgerConfig {
        if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flush interval must be positive, got " + flushInterval);
        }
        if (batchSize < 1 || queueCapacity < batchSize) {
            throw new IllegalArgumentException("need 1 <= batch size <= queue capacity, got " + batchSize + " and "
                    + queueCapacity);
        }
    }
}
