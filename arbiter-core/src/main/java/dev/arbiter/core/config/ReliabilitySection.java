package dev.arbiter.core.config;

import dev.arbiter.core.reliability.BreakerSettings;
import dev.arbiter.core.reliability.ReliabilityConfig;
import dev.arbiter.core.reliability.RetrySettings;
import dev.arbiter.core.reliability.StreamSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code reliability} mapping: the default request deadline ({@code timeout_ms}) and the {@code retry},
 * {@code breaker} and {@code stream} settings; absent keys keep {@link ReliabilityConfig#DEFAULTS}.
 */
final class ReliabilitySection {
    private static final Set<String> KEYS = Set.of("timeout_ms", "retry", "breaker", "stream");
    private static final Set<String> RETRY_KEYS = Set.of("max_attempts", "base_delay_ms", "max_delay_ms", "max_wait_ms",
            "key_cooldown_ms", "max_cooldown_ms");
    private static final Set<String> BREAKER_KEYS = Set.of("enabled", "window", "min_calls", "failure_rate", "slow_call_ms",
            "slow_call_rate", "open_ms", "half_open_probes");
    private static final Set<String> STREAM_KEYS = Set.of("commit_after_events", "commit_after_ms", "first_token_ms");

    private ReliabilitySection() {
    }

    static ReliabilityConfig read(Cursor c) {
        Fields f = c.fields(KEYS);
        ReliabilityConfig d = ReliabilityConfig.DEFAULTS;
        return new ReliabilityConfig(
                millis(f.optional("timeout_ms"), d.timeout(), 1),
                f.optional("retry").map(ReliabilitySection::retry).orElse(d.retry()),
                f.optional("breaker").map(ReliabilitySection::breaker).orElse(d.breaker()),
                f.optional("stream").map(ReliabilitySection::stream).orElse(d.stream()),
                null);
    }

    private static RetrySettings retry(Cursor c) {
        Fields f = c.fields(RETRY_KEYS);
        RetrySettings d = RetrySettings.DEFAULTS;
        int attempts = f.optional("max_attempts").map(a -> between(a, 1, 20)).orElse(d.maxAttempts());
        Duration base = millis(f.optional("base_delay_ms"), d.baseDelay(), 0);
        Duration max = millis(f.optional("max_delay_ms"), d.maxDelay(), 0);
        if (max.compareTo(base) < 0) {
            throw f.optional("max_delay_ms").orElseGet(f::owner).error("max_delay_ms (" + max.toMillis()
                    + ") must not be less than base_delay_ms (" + base.toMillis() + ")");
        }
        return new RetrySettings(attempts, base, max, millis(f.optional("max_wait_ms"), d.maxWait(), 0),
                millis(f.optional("key_cooldown_ms"), d.keyCooldown(), 0),
                millis(f.optional("max_cooldown_ms"), d.maxCooldown(), 0));
    }

    private static BreakerSettings breaker(Cursor c) {
        Fields f = c.fields(BREAKER_KEYS);
        BreakerSettings d = BreakerSettings.DEFAULTS;
        int window = f.optional("window").map(w -> between(w, 1, 10_000)).orElse(d.window());
        Optional<Cursor> minCalls = f.optional("min_calls");
        int min = minCalls.map(m -> between(m, 1, window)).orElse(Math.min(d.minCalls(), window));
        return new BreakerSettings(
                f.optional("enabled").map(Cursor::bool).orElse(d.enabled()),
                window, min,
                f.optional("failure_rate").map(ReliabilitySection::rate).orElse(d.failureRate()),
                millis(f.optional("slow_call_ms"), d.slowCall(), 1),
                f.optional("slow_call_rate").map(ReliabilitySection::rate).orElse(d.slowCallRate()),
                millis(f.optional("open_ms"), d.openFor(), 1),
                f.optional("half_open_probes").map(p -> between(p, 1, 100)).orElse(d.halfOpenProbes()));
    }

    private static StreamSettings stream(Cursor c) {
        Fields f = c.fields(STREAM_KEYS);
        StreamSettings d = StreamSettings.DEFAULTS;
        return new StreamSettings(
                f.optional("commit_after_events").map(e -> between(e, 1, 100_000)).orElse(d.commitAfterEvents()),
                millis(f.optional("commit_after_ms"), d.commitAfter(), 0),
                millis(f.optional("first_token_ms"), d.firstToken(), 1));
    }

    private static Duration millis(Optional<Cursor> c, Duration fallback, long min) {
        return c.map(v -> {
            long ms = v.longValue();
            if (ms < min) {
                throw v.error(min == 0 ? "must be zero or a positive number of milliseconds, got " + ms
                        : "must be a positive number of milliseconds, got " + ms);
            }
            return Duration.ofMillis(ms);
        }).orElse(fallback);
    }

    private static int between(Cursor c, int min, int max) {
        int value = c.intValue();
        if (value < min || value > max) {
            throw c.error("must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private static double rate(Cursor c) {
        double value = c.decimal().doubleValue();
        if (value <= 0 || value > 1) {
            throw c.error("a rate is a fraction greater than 0 and at most 1 (write 0.5 for 50%), got " + value);
        }
        return value;
    }
}
