package dev.arbiter.core.routing.stats;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Live latency statistics per key (a model id, or a deployment id for the reliability stages): time-decayed
 * means (EWMA with a half-life) of total latency and of time-to-first-token, which the router turns into
 * {@code Candidate.expectedLatencyMs} (TTFT suits streaming requests, total latency the others). A key whose
 * newest sample is older than the max age reads NaN (unknown), so a model that stopped taking traffic is not
 * judged on stale numbers. Thread-safe: a concurrent map of small per-key cells, each locked only for a few
 * arithmetic operations, so writers for different keys never contend. Time comes from an injected nanosecond
 * clock, so tests drive it by hand.
 */
public final class LatencyStats {
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

    private final ConcurrentHashMap<String, Cell> cells = new ConcurrentHashMap<>();
    private final double halfLifeNanos;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;

    /**
     * @param halfLife  how long until a sample counts half as much as a fresh one (positive)
     * @param maxAge    how old the newest sample may be before the key reads NaN (positive)
     * @param nanoClock a monotonic nanosecond clock such as {@code System::nanoTime}
     */
    public LatencyStats(Duration halfLife, Duration maxAge, LongSupplier nanoClock) {
        if (halfLife.isNegative() || halfLife.isZero() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("half-life and max age must be positive, got " + halfLife + " and " + maxAge);
        }
        this.halfLifeNanos = halfLife.toNanos();
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Stats on the system's monotonic clock with the default half-life (60 s) and max age (10 min). */
    public static LatencyStats create() {
        return new LatencyStats(DEFAULT_HALF_LIFE, DEFAULT_MAX_AGE, System::nanoTime);
    }

    /**
     * Records one call's total latency. A sample that is not a finite number >= 0 is ignored: a broken
     * measurement must not fail the request that produced it.
     */
    public void record(String key, double latencyMs) {
        if (valid(latencyMs)) {
            cell(key).addLatency(latencyMs, nanoClock.getAsLong(), halfLifeNanos);
        }
    }

    /** Records one streamed call's time to first token; invalid samples are ignored as in {@link #record}. */
    public void recordTtft(String key, double ttftMs) {
        if (valid(ttftMs)) {
            cell(key).addTtft(ttftMs, nanoClock.getAsLong(), halfLifeNanos);
        }
    }

    /** The decayed mean total latency in ms; NaN with no data or only stale data. */
    public double expectedLatencyMs(String key) {
        Cell c = cells.get(key);
        return c == null ? Double.NaN : c.latency(nanoClock.getAsLong(), maxAgeNanos);
    }

    /** The decayed mean time to first token in ms; NaN with no data or only stale data. */
    public double expectedTtftMs(String key) {
        Cell c = cells.get(key);
        return c == null ? Double.NaN : c.ttft(nanoClock.getAsLong(), maxAgeNanos);
    }

    /** Every key's reading at one instant, sorted by key; cost is one short lock per key. */
    public Map<String, LatencyReading> snapshot() {
        long now = nanoClock.getAsLong();
        Map<String, LatencyReading> out = new TreeMap<>();
        cells.forEach((key, cell) -> out.put(key, cell.reading(now, maxAgeNanos, halfLifeNanos)));
        return out;
    }

    /** Drops a key's history (a model removed from the config, a deployment replaced). */
    public void forget(String key) {
        cells.remove(key);
    }

    private Cell cell(String key) {
        Objects.requireNonNull(key, "key");
        Cell c = cells.get(key); // the common case: no computeIfAbsent lambda, no bin lock
        return c != null ? c : cells.computeIfAbsent(key, k -> new Cell());
    }

    private static boolean valid(double ms) {
        return ms >= 0 && ms < Double.POSITIVE_INFINITY;
    }

    /** One key's two means behind one lock; critical sections are a handful of flops. */
    private static final class Cell {
        private final DecayingMean latency = new DecayingMean();
        private final DecayingMean ttft = new DecayingMean();

        synchronized void addLatency(double ms, long now, double halfLife) {
            latency.add(ms, now, halfLife);
        }

        synchronized void addTtft(double ms, long now, double halfLife) {
            ttft.add(ms, now, halfLife);
        }

        synchronized double latency(long now, long maxAge) {
            return latency.mean(now, maxAge);
        }

        synchronized double ttft(long now, long maxAge) {
            return ttft.mean(now, maxAge);
        }

        synchronized LatencyReading reading(long now, long maxAge, double halfLife) {
            long age = latency.ageNanos(now);
            return new LatencyReading(latency.mean(now, maxAge), ttft.mean(now, maxAge),
                    latency.weight(now, halfLife), ttft.weight(now, halfLife), age < 0 ? -1 : age / 1_000_000);
        }
    }
}
