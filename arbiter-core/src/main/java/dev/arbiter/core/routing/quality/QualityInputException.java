package dev.arbiter.core.routing.quality;

/** Bad input to the quality model's tools (missing or empty file, malformed line, unknown profile version), in one line. */
public final class QualityInputException extends RuntimeException {
    public QualityInputException(String message) {
        super(message);
    }

    public QualityInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
