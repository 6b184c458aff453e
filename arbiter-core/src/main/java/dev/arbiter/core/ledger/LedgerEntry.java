package dev.arbiter.core.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One served request, as the ledger keeps it. Who: key id, user, team (null when the gateway runs open). What:
 * the API, route, task type, chosen model and provider, whether it streamed, the HTTP status and outcome label.
 * Usage as the provider reported it (OpenAI convention: input includes cached and cache-write tokens, output
 * includes reasoning). Cost from the catalog price in force at {@code at}; the baseline model and what the same
 * usage would have cost on it (for savings). Latency and time to first token (null when not streamed or no token
 * came), whether the answer came from a cache, the one-line routing decision, and every upstream attempt.
 */
public record LedgerEntry(String requestId, Instant at, String keyId, String user, String team, String api,
                          String route, String taskType, String model, String provider, boolean stream, int status,
                          String outcome, long inputTokens, long cachedInputTokens, long cacheWriteTokens,
                          long outputTokens, long reasoningTokens, BigDecimal costUsd, String baselineModel,
                          BigDecimal baselineCostUsd, long latencyMs, Long ttftMs, boolean cacheHit, String decision,
                          List<AttemptEntry> attempts) {
    public LedgerEntry {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        costUsd = costUsd == null ? BigDecimal.ZERO : costUsd;
    }
}
