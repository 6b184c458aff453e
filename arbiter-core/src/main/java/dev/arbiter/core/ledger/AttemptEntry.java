package dev.arbiter.core.ledger;

/**
 * One upstream attempt of a request, as the ledger keeps it: its position (0 = first), the model, provider and
 * deployment called, how long it took (ms), and the error type when it failed (null on success).
 */
public record AttemptEntry(int index, String model, String provider, String deployment, long millis, String error) {
}
