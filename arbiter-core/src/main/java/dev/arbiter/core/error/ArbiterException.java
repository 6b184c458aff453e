package dev.arbiter.core.error;

import java.time.Duration;

/**
 * The one exception type that crosses stage boundaries: it carries an {@link ErrorKind}, a message meant for
 * the caller, and optionally the offending parameter, a machine-readable code and a Retry-After hint.
 */
public final class ArbiterException extends RuntimeException {
    private final ErrorKind kind;
    private final String param;
    private final String code;
    private final Duration retryAfter;

    public ArbiterException(ErrorKind kind, String message, String param, String code, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.param = param;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public ArbiterException(ErrorKind kind, String message) {
        this(kind, message, null, null, null);
    }

    /** A 400 that names the offending request field. */
    public static ArbiterException invalid(String param, String message) {
        return new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, message, param, "invalid_value", null);
    }

    /** A 400 for a field the chosen model or upstream cannot honour; never dropped silently. */
    public static ArbiterException unsupported(String param, String message) {
        return new ArbiterException(ErrorKind.CALLER_UNSUPPORTED_FEATURE, message, param, "unsupported_feature", null);
    }

    public ErrorKind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
