package dev.arbiter.core.routing.replay;

/** One setting of a policy sweep ({@code parameter} "bar" or "max-cost" at {@code value}) and how it did. */
public record SweepPoint(String parameter, double value, RouterSummary summary) {
}
