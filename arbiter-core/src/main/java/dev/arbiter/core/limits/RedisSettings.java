package dev.arbiter.core.limits;

import java.time.Duration;

/**
 * Where budgets and rate limits are shared across replicas: the Redis URL, what a request gets when Redis cannot be
 * reached in time (allowed, or a 503), how long a call may take before it counts as unreachable, and the prefix of
 * every key Arbiter writes.
 */
public record RedisSettings(String url, OnUnavailable onUnavailable, Duration timeout, String keyPrefix) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(200);
    public static final String DEFAULT_KEY_PREFIX = "arbiter:";

    public RedisSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("redis needs a url");
        }
        onUnavailable = onUnavailable == null ? OnUnavailable.FAIL_OPEN : onUnavailable;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        keyPrefix = keyPrefix == null ? DEFAULT_KEY_PREFIX : keyPrefix;
    }

    /** The policy while Redis is unreachable. */
    public enum OnUnavailable {
        /** Admit requests unchecked (logged once a minute and counted). */
        FAIL_OPEN,
        /** Refuse requests with 503 {@code gateway_limits_unavailable}. */
        FAIL_CLOSED
    }
}
