package dev.arbiter.core.pipeline;

import dev.arbiter.core.error.ErrorKind;

/** One call to an upstream: which model and provider, how long it took to answer (ms), and the error kind if it failed. */
public record AttemptRecord(String model, String provider, long millis, ErrorKind error) {
    public boolean succeeded() {
        return error == null;
    }
}
