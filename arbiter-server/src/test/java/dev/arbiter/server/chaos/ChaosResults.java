package dev.arbiter.server.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the clients of a chaos run saw: answers that arrived whole, failures that said so (an HTTP error with an
 * error body, or a stream ending in an error event), and silent failures (anything else: a cut stream without an
 * error, a wrong answer, a dropped connection), with the latency of each good answer. Thread-safe.
 */
final class ChaosResults {
    /** How one client request ended. */
    enum Verdict { OK, EXPLICIT_FAILURE, SILENT_FAILURE }

    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger explicit = new AtomicInteger();
    private final AtomicInteger silent = new AtomicInteger();
    private final AtomicInteger streamed = new AtomicInteger();
    private final List<Long> okMicros = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> rescuedMicros = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> explicitTypes = Collections.synchronizedMap(new TreeMap<>());
    private final List<String> silentSamples = Collections.synchronizedList(new ArrayList<>());

    /** A good answer that needed more than one upstream call (a failed attempt before it, per x-arbiter-attempts). */
    void rescued(long micros) {
        rescuedMicros.add(micros);
    }

    void record(Verdict verdict, boolean stream, long micros, String detail) {
        if (stream) {
            streamed.incrementAndGet();
        }
        switch (verdict) {
            case OK -> {
                ok.incrementAndGet();
                okMicros.add(micros);
            }
            case EXPLICIT_FAILURE -> {
                explicit.incrementAndGet();
                explicitTypes.merge(detail, 1, Integer::sum);
            }
            case SILENT_FAILURE -> {
                silent.incrementAndGet();
                if (silentSamples.size() < 5) {
                    silentSamples.add(detail);
                }
            }
        }
    }

    int total() {
        return ok.get() + explicit.get() + silent.get();
    }

    int ok() {
        return ok.get();
    }

    int explicitFailures() {
        return explicit.get();
    }

    int silentFailures() {
        return silent.get();
    }

    int streamed() {
        return streamed.get();
    }

    /** Good answers that met at least one upstream failure on the way. */
    int rescued() {
        return rescuedMicros.size();
    }

    double successRate() {
        return total() == 0 ? 0 : (double) ok() / total();
    }

    Map<String, Integer> explicitTypes() {
        return Map.copyOf(explicitTypes);
    }

    List<String> silentSamples() {
        return List.copyOf(silentSamples);
    }

    /** The latency (ms) of good answers at quantile q (0.5, 0.99...). */
    double latencyMillis(double q) {
        return quantile(okMicros, q);
    }

    /** The same, over the rescued answers only. */
    double rescuedLatencyMillis(double q) {
        return quantile(rescuedMicros, q);
    }

    private static double quantile(List<Long> micros, double q) {
        List<Long> sorted;
        synchronized (micros) {
            sorted = new ArrayList<>(micros);
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    /** Adds another run's counts and latencies to this one's. */
    void addAll(ChaosResults other) {
        ok.addAndGet(other.ok.get());
        explicit.addAndGet(other.explicit.get());
        silent.addAndGet(other.silent.get());
        streamed.addAndGet(other.streamed.get());
        synchronized (other.okMicros) {
            okMicros.addAll(other.okMicros);
        }
        synchronized (other.rescuedMicros) {
            rescuedMicros.addAll(other.rescuedMicros);
        }
        other.explicitTypes().forEach((k, v) -> explicitTypes.merge(k, v, Integer::sum));
        other.silentSamples().forEach(s -> {
            if (silentSamples.size() < 5) {
                silentSamples.add(s);
            }
        });
    }

    @Override
    public String toString() {
        return String.format("%d requests (%d streamed): %d ok (%.3f%%, %d of them rescued after a failed attempt), "
                        + "%d explicit failures %s, %d silent %s; latency p50 %.1f ms, p99 %.1f ms", total(), streamed(), ok(),
                100 * successRate(), rescued(),
                explicitFailures(), explicitTypes(), silentFailures(), silentSamples(), latencyMillis(0.5), latencyMillis(0.99));
    }
}
