package dev.arbiter.core.reliability;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Trace;
import java.time.Duration;

/**
 * The request's total deadline: {@code x-arbiter-timeout-ms} when the caller sent it, else the config's
 * {@code reliability.timeout_ms}; kept on the trace in the reliability clock's nanoseconds.
 */
final class Deadlines {
    static final String HEADER = "x-arbiter-timeout-ms";
    private static final long MAX_MILLIS = 86_400_000L;

    private final Duration defaultTimeout;
    private final TimeSource time;

    Deadlines(Duration defaultTimeout, TimeSource time) {
        this.defaultTimeout = defaultTimeout;
        this.time = time;
    }

    /** Starts the request's clock (once; a later stage keeps the first deadline) and returns the timeout in force. */
    Duration start(Exchange exchange) {
        Duration timeout = requested(exchange.meta().header(HEADER));
        if (exchange.trace().deadlineNanos().isEmpty()) {
            exchange.trace().deadlineNanos(time.nanos() + timeout.toNanos());
        }
        return timeout;
    }

    /** Time left until the deadline (never negative); the default timeout when no deadline was set. */
    Duration remaining(Trace trace) {
        if (trace.deadlineNanos().isEmpty()) {
            return defaultTimeout;
        }
        return Duration.ofNanos(Math.max(0, trace.deadlineNanos().getAsLong() - time.nanos()));
    }

    boolean expired(Trace trace) {
        return remaining(trace).isZero();
    }

    /** The failure for a request whose deadline passed before any upstream answered. */
    static ArbiterException exceeded(Duration timeout, ArbiterException last) {
        String cause = last == null ? "" : "; the last attempt failed: " + last.getMessage();
        return new ArbiterException(ErrorKind.PROVIDER_TIMEOUT, "no upstream answered within the request's deadline of "
                + timeout.toMillis() + " ms" + cause, null, "deadline_exceeded", null);
    }

    private Duration requested(String header) {
        if (header == null) {
            return defaultTimeout;
        }
        long millis;
        try {
            millis = Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis < 1 || millis > MAX_MILLIS) {
            throw ArbiterException.invalid(HEADER, "The header " + HEADER + " must be a whole number of milliseconds"
                    + " between 1 and " + MAX_MILLIS + ", got '" + header + "'.");
        }
        return Duration.ofMillis(millis);
    }
}
