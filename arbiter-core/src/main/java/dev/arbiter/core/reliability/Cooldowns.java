package dev.arbiter.core.reliability;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Until when each cooled-down thing (a rate-limited deployment, a rejected key) must not be called, on the injected
 * clock. A new cool-down never shortens a running one.
 */
final class Cooldowns<K> {
    private final ConcurrentHashMap<K, Long> until = new ConcurrentHashMap<>();
    private final TimeSource time;

    Cooldowns(TimeSource time) {
        this.time = time;
    }

    void coolDown(K key, Duration duration) {
        long end = time.nanos() + Math.max(0, duration.toNanos());
        until.merge(key, end, (a, b) -> a - b >= 0 ? a : b);
    }

    /** How much longer {@code key} is cooling down; zero when it is not. */
    Duration remaining(K key) {
        Long end = until.get(key);
        if (end == null) {
            return Duration.ZERO;
        }
        long left = end - time.nanos();
        if (left <= 0) {
            until.remove(key, end);
            return Duration.ZERO;
        }
        return Duration.ofNanos(left);
    }
}
