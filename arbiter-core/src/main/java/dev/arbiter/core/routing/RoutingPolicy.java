package dev.arbiter.core.routing;

/**
 * One way of choosing among candidates. Pure: no I/O, no clock, no randomness except what the input carries,
 * so the gateway and offline replay run the very same decision.
 */
public interface RoutingPolicy {
    String name();

    /** Ranks a non-empty candidate list. */
    Ranking rank(RoutingInput input);
}
