package dev.arbiter.core.config;

import java.time.Duration;

/**
 * The {@code auth} section: the admin key (null = the gateway runs open: no virtual keys are checked and the admin
 * API is off) and how long a key lookup is cached ({@code key_cache_ms}; it bounds how late a revoke made by
 * another replica takes effect here).
 */
public record AuthConfig(String adminKey, Duration keyCache) {
    public static final Duration DEFAULT_KEY_CACHE = Duration.ofSeconds(5);
    /** No admin key, the default cache. */
    public static final AuthConfig OPEN = new AuthConfig(null, DEFAULT_KEY_CACHE);

    /** Whether an admin key is set, so every /v1 request needs a virtual key. */
    public boolean enabled() {
        return adminKey != null;
    }

    /** Never prints the admin key. */
    @Override
    public String toString() {
        return "AuthConfig[adminKey=" + (adminKey == null ? "none" : "(set)") + ", keyCache=" + keyCache + "]";
    }
}
