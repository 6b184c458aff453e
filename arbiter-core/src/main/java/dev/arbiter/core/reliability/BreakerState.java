package dev.arbiter.core.reliability;

/** A circuit breaker's state; {@link #gauge()} is the number a metrics gauge reports (0 closed, 1 half-open, 2 open). */
public enum BreakerState {
    CLOSED("closed", 0), HALF_OPEN("half_open", 1), OPEN("open", 2);

    private final String wireName;
    private final int gauge;

    BreakerState(String wireName, int gauge) {
        this.wireName = wireName;
        this.gauge = gauge;
    }

    public String wireName() {
        return wireName;
    }

    public int gauge() {
        return gauge;
    }
}
