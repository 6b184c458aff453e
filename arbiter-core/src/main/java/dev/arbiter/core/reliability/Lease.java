package dev.arbiter.core.reliability;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A concurrency slot held on one deployment for one call, released exactly once; a finished call feeds the
 * deployment's latency EWMA (for a stream: the time until it was committed).
 */
final class Lease {
    private final DeploymentState state;
    private final TimeSource time;
    private final long start;
    private final AtomicBoolean released = new AtomicBoolean();

    Lease(DeploymentState state, TimeSource time) {
        this.state = state;
        this.time = time;
        this.start = time.nanos();
    }

    DeploymentState state() {
        return state;
    }

    long elapsedNanos() {
        return time.nanos() - start;
    }

    /** Frees the slot; with {@code sampleLatency}, the call's duration so far becomes a latency sample. */
    void release(boolean sampleLatency) {
        if (released.compareAndSet(false, true)) {
            if (sampleLatency) {
                state.latency().add(elapsedNanos());
            }
            state.releaseSlot();
        }
    }
}
