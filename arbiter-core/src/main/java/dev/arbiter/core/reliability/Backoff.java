package dev.arbiter.core.reliability;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter (AWS's "full jitter"): the n-th wait is uniform in [0, min(max, base × 2^n)]. */
final class Backoff {
    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    Backoff(RetrySettings settings, RandomGenerator random) {
        this.base = settings.baseDelay();
        this.max = settings.maxDelay();
        this.random = random;
    }

    /** The wait before retry number {@code retry} (0 for the first retry). */
    Duration delay(int retry) {
        return Duration.ofNanos(random.nextLong(ceiling(retry).toNanos() + 1));
    }

    /** The largest wait retry number {@code retry} can draw. */
    Duration ceiling(int retry) {
        int shift = Math.min(Math.max(retry, 0), 30);
        long nanos = base.toNanos() << shift;
        return nanos < 0 || nanos > max.toNanos() ? max : Duration.ofNanos(nanos);
    }
}
