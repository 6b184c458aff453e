package dev.arbiter.core.reliability;

import java.util.List;

/**
 * One deployment's health at a moment, ready for {@code /health} and metrics gauges: circuit state (and its gauge
 * number), the breaker window's call count and rates, how often the circuit opened, calls in flight against the cap
 * (0 = none), the remaining rate-limit or key cool-down, and the latency EWMA (0 until measured).
 */
public record DeploymentSnapshot(String deployment, List<String> models, BreakerState state, int windowCalls,
                                 double failureRate, double slowCallRate, long timesOpened, int inFlight,
                                 int maxConcurrency, long cooldownMillis, double latencyMillis) {
    public DeploymentSnapshot {
        models = List.copyOf(models);
    }
}
