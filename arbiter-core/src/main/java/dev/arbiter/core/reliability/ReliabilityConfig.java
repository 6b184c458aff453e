package dev.arbiter.core.reliability;

import java.time.Duration;
import java.util.Map;

/**
 * The {@code reliability} section plus each model's rules: the default total deadline of a request
 * ({@code x-arbiter-timeout-ms} overrides it per request), retries, circuit breakers, the stream pre-commit
 * window, and per-model balancing and fallbacks (keyed by model id; absent = {@link ModelReliability#DEFAULT}).
 */
public record ReliabilityConfig(Duration timeout, RetrySettings retry, BreakerSettings breaker, StreamSettings stream,
                                Map<String, ModelReliability> models) {
    public static final ReliabilityConfig DEFAULTS = new ReliabilityConfig(Duration.ofMinutes(10), RetrySettings.DEFAULTS,
            BreakerSettings.DEFAULTS, StreamSettings.DEFAULTS, Map.of());
    /** No retries, no breakers, no fallbacks: each upstream failure reaches the caller as it was. */
    public static final ReliabilityConfig PASSTHROUGH = new ReliabilityConfig(Duration.ofMinutes(10), RetrySettings.NONE,
            BreakerSettings.DISABLED, StreamSettings.DEFAULTS, Map.of());

    public ReliabilityConfig {
        models = models == null ? Map.of() : Map.copyOf(models);
    }

    public ModelReliability forModel(String modelId) {
        return models.getOrDefault(modelId, ModelReliability.DEFAULT);
    }

    public ReliabilityConfig withModels(Map<String, ModelReliability> newModels) {
        return new ReliabilityConfig(timeout, retry, breaker, stream, newModels);
    }

    public ReliabilityConfig withRetry(RetrySettings newRetry) {
        return new ReliabilityConfig(timeout, newRetry, breaker, stream, models);
    }

    public ReliabilityConfig withBreaker(BreakerSettings newBreaker) {
        return new ReliabilityConfig(timeout, retry, newBreaker, stream, models);
    }

    public ReliabilityConfig withStream(StreamSettings newStream) {
        return new ReliabilityConfig(timeout, retry, breaker, newStream, models);
    }

    public ReliabilityConfig withTimeout(Duration newTimeout) {
        return new ReliabilityConfig(newTimeout, retry, breaker, stream, models);
    }
}
