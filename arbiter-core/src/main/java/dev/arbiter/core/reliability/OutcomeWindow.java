package dev.arbiter.core.reliability;

/** The last N call outcomes of a breaker (count-based sliding window), with running failure and slow counts. Not thread-safe. */
final class OutcomeWindow {
    private static final byte FAILED = 1;
    private static final byte SLOW = 2;

    private final byte[] ring;
    private int next;
    private int size;
    private int failures;
    private int slow;

    OutcomeWindow(int capacity) {
        this.ring = new byte[capacity];
    }

    void record(boolean failed, boolean isSlow) {
        if (size == ring.length) {
            byte evicted = ring[next];
            failures -= evicted & FAILED;
            slow -= (evicted & SLOW) >> 1;
        } else {
            size++;
        }
        byte outcome = (byte) ((failed ? FAILED : 0) | (isSlow ? SLOW : 0));
        ring[next] = outcome;
        failures += failed ? 1 : 0;
        slow += isSlow ? 1 : 0;
        next = (next + 1) % ring.length;
    }

    int calls() {
        return size;
    }

    double failureRate() {
        return size == 0 ? 0 : (double) failures / size;
    }

    double slowRate() {
        return size == 0 ? 0 : (double) slow / size;
    }

    void clear() {
        next = 0;
        size = 0;
        failures = 0;
        slow = 0;
    }
}
