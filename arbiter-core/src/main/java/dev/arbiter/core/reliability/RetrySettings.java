package dev.arbiter.core.reliability;

import java.time.Duration;

/**
 * Retries of one model over its deployments: at most {@code maxAttempts} upstream calls per model; a retry of the
 * same deployment waits a full-jitter backoff (uniform in [0, min(maxDelay, baseDelay × 2^n)]); a 429's
 * Retry-After (or the backoff when it has none) cools the deployment down, and the request waits for it only
 * when no other deployment can take the call and the wait is at most {@code maxWait}; no cool-down lasts longer
 * than {@code maxCooldown}; a 401/403 cools the key down for {@code keyCooldown}. A zero cool-down turns it off.
 */
public record RetrySettings(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxWait, Duration keyCooldown,
                            Duration maxCooldown) {
    public static final RetrySettings DEFAULTS = new RetrySettings(3, Duration.ofMillis(200), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5));
    /** One call per model, no waiting, no cool-downs: every failure goes straight to fallback (or to the caller). */
    public static final RetrySettings NONE = new RetrySettings(1, Duration.ofMillis(200), Duration.ofSeconds(5),
            Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max_attempts must be at least 1, got " + maxAttempts);
        }
    }
}
