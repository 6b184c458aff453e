package dev.arbiter.core.pipeline;

import dev.arbiter.core.error.ErrorKind;

/**
 * One call to an upstream: which model, provider and deployment ({@code provider/upstream[@label]}; null when no
 * deployment could be called), how long it took to answer (ms), and the error kind if it failed.
 */
public record AttemptRecord(String model, String provider, String deployment, long millis, ErrorKind error) {

    /** An attempt on a model's only deployment. */
    public AttemptRecord(String model, String provider, long millis, ErrorKind error) {
        this(model, provider, null, millis, error);
    }

    public boolean succeeded() {
        return error == null;
    }
}
