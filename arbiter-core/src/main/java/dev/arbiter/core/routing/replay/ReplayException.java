package dev.arbiter.core.routing.replay;

/** Bad replay input (a data, predictions or prices file, or a setting), told in one line that names the culprit. */
public final class ReplayException extends RuntimeException {
    public ReplayException(String message) {
        super(message);
    }
}
