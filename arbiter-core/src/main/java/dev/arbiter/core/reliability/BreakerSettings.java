package dev.arbiter.core.reliability;

import java.time.Duration;

/**
 * The circuit breaker of every deployment: over the last {@code window} calls (counted once there are at least
 * {@code minCalls}), a failure rate or a slow-call rate (calls of at least {@code slowCall}) at or above its
 * threshold opens the circuit for {@code openFor}; then {@code halfOpenProbes} trial calls decide between closed
 * (both rates below threshold) and open again. {@code enabled = false} never opens.
 */
public record BreakerSettings(boolean enabled, int window, int minCalls, double failureRate, Duration slowCall,
                              double slowCallRate, Duration openFor, int halfOpenProbes) {
    public static final BreakerSettings DEFAULTS = new BreakerSettings(true, 20, 10, 0.5, Duration.ofSeconds(30), 0.8,
            Duration.ofSeconds(30), 2);
    public static final BreakerSettings DISABLED = new BreakerSettings(false, 20, 10, 0.5, Duration.ofSeconds(30), 0.8,
            Duration.ofSeconds(30), 2);

    public BreakerSettings {
        if (window < 1 || minCalls < 1 || minCalls > window) {
            throw new IllegalArgumentException("need 1 <= min_calls <= window, got window " + window + ", min_calls " + minCalls);
        }
        if (halfOpenProbes < 1) {
            throw new IllegalArgumentException("half_open_probes must be at least 1, got " + halfOpenProbes);
        }
    }
}
