package dev.arbiter.core.routing;

/**
 * A model a policy may choose for one request, with what is expected of it there: the probability of an
 * acceptable answer, the expected cost in USD and the expected latency in ms (NaN when unknown).
 */
public record Candidate(String model, double pSuccess, double expectedCostUsd, double expectedLatencyMs) {
}
