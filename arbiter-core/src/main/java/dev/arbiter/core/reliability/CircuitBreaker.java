package dev.arbiter.core.reliability;

import java.time.Duration;

/**
 * One deployment's circuit breaker. CLOSED: every call is let through and its outcome recorded in a count-based
 * window; once the window holds {@code minCalls} outcomes and the failure rate or slow-call rate reaches its
 * threshold, the circuit OPENs. OPEN: calls are refused until {@code openFor} has passed, then it is HALF_OPEN
 * (checked lazily, on the next question). HALF_OPEN: {@code halfOpenProbes} trial calls are let through; when all
 * have reported, it closes (fresh window) if both rates are below threshold, else opens again. A permit granted in
 * an earlier state reports into nothing, so a slow call from before a transition cannot flip the new state.
 */
final class CircuitBreaker {
    private final BreakerSettings settings;
    private final TimeSource time;
    private final OutcomeWindow window;
    private BreakerState state = BreakerState.CLOSED;
    private long generation;
    private long openedAt;
    private int probesGranted;
    private int probesDone;
    private int probeFailures;
    private int probeSlow;
    private long timesOpened;

    CircuitBreaker(BreakerSettings settings, TimeSource time) {
        this.settings = settings;
        this.time = time;
        this.window = new OutcomeWindow(settings.window());
    }

    /** A permission to call, to be settled exactly once with a result or a release. */
    final class Permit {
        private final long grantedIn;
        private boolean settled;

        private Permit(long grantedIn) {
            this.grantedIn = grantedIn;
        }

        /** The call ended: {@code failed} says whether it counts as a failure, {@code nanos} how long it took. */
        void record(boolean failed, long nanos) {
            synchronized (CircuitBreaker.this) {
                if (!settled) {
                    settled = true;
                    onResult(grantedIn, failed, nanos >= settings.slowCall().toNanos());
                }
            }
        }

        /** The call says nothing about the deployment's health (cancelled, rate-limited, bad key). */
        void release() {
            synchronized (CircuitBreaker.this) {
                if (!settled) {
                    settled = true;
                    if (grantedIn == generation && state == BreakerState.HALF_OPEN) {
                        probesGranted--;
                    }
                }
            }
        }
    }

    /** A permit to call now, or null when the circuit refuses the call. */
    synchronized Permit tryAcquire() {
        refresh();
        return switch (state) {
            case CLOSED -> new Permit(generation);
            case OPEN -> null;
            case HALF_OPEN -> probesGranted < settings.halfOpenProbes() ? grantProbe() : null;
        };
    }

    /** Whether a call would be let through now (without taking a permit). */
    synchronized boolean allowsCalls() {
        refresh();
        return state == BreakerState.CLOSED
                || state == BreakerState.HALF_OPEN && probesGranted < settings.halfOpenProbes();
    }

    synchronized BreakerState state() {
        refresh();
        return state;
    }

    /** How long until an open circuit lets probes through (zero when not open). */
    synchronized Duration untilHalfOpen() {
        refresh();
        return state == BreakerState.OPEN
                ? Duration.ofNanos(Math.max(0, openedAt + settings.openFor().toNanos() - time.nanos())) : Duration.ZERO;
    }

    synchronized Snapshot snapshot() {
        refresh();
        return new Snapshot(state, window.calls(), window.failureRate(), window.slowRate(), timesOpened);
    }

    /** The breaker's numbers for health and metrics. */
    record Snapshot(BreakerState state, int calls, double failureRate, double slowRate, long timesOpened) {
    }

    private Permit grantProbe() {
        probesGranted++;
        return new Permit(generation);
    }

    private void refresh() {
        if (state == BreakerState.OPEN && time.nanos() - openedAt >= settings.openFor().toNanos()) {
            transition(BreakerState.HALF_OPEN);
        }
    }

    private void onResult(long grantedIn, boolean failed, boolean slow) {
        refresh();
        if (grantedIn != generation || !settings.enabled()) {
            return;
        }
        if (state == BreakerState.CLOSED) {
            window.record(failed, slow);
            if (window.calls() >= settings.minCalls() && tripped(window.failureRate(), window.slowRate())) {
                transition(BreakerState.OPEN);
            }
        } else if (state == BreakerState.HALF_OPEN) {
            probesDone++;
            probeFailures += failed ? 1 : 0;
            probeSlow += slow ? 1 : 0;
            if (probesDone >= settings.halfOpenProbes()) {
                double n = probesDone;
                transition(tripped(probeFailures / n, probeSlow / n) ? BreakerState.OPEN : BreakerState.CLOSED);
            }
        }
    }

    private boolean tripped(double failureRate, double slowRate) {
        return failureRate >= settings.failureRate() || slowRate >= settings.slowCallRate();
    }

    private void transition(BreakerState next) {
        state = next;
        generation++;
        probesGranted = 0;
        probesDone = 0;
        probeFailures = 0;
        probeSlow = 0;
        window.clear();
        if (next == BreakerState.OPEN) {
            openedAt = time.nanos();
            timesOpened++;
        }
    }
}
