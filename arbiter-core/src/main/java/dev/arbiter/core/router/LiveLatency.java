package dev.arbiter.core.router;

import dev.arbiter.core.pipeline.AttemptRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live per-model latency the router prices candidates with: an exponentially weighted mean of successful attempts'
 * time to answer (to the first event for streams). NaN until a model has been called. Thread-safe.
 */
final class LiveLatency {
    private static final double WEIGHT = 0.2;
    private final Map<String, Double> meanMs = new ConcurrentHashMap<>();

    double expectedMs(String model) {
        return meanMs.getOrDefault(model, Double.NaN);
    }

    void record(String model, long millis) {
        meanMs.merge(model, (double) millis, (old, now) -> old + WEIGHT * (now - old));
    }

    /** Records every successful attempt; failures say little about how fast a model answers. */
    void recordAll(List<AttemptRecord> attempts) {
        for (AttemptRecord a : attempts) {
            if (a.succeeded()) {
                record(a.model(), a.millis());
            }
        }
    }
}
