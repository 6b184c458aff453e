package dev.arbiter.core.limits;

/** Where soft-threshold alerts go; must not block the request path or throw. */
@FunctionalInterface
public interface AlertSink {
    AlertSink NONE = alert -> {
    };

    void thresholdCrossed(BudgetAlert alert);
}
