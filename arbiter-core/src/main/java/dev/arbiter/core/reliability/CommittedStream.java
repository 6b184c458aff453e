package dev.arbiter.core.reliability;

import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Trace;
import java.time.Duration;

/**
 * A stream after commit, as the caller receives it: a failure now can only end it with an explicit error, and the
 * trace marks the answer truncated; when the request's deadline passes mid-stream the stream is cut with a timeout.
 */
final class CommittedStream implements EventStream {
    private final EventStream inner;
    private final Trace trace;
    private final Duration deadline;
    private final TimeSource.Alarm alarm;
    private volatile boolean deadlinePassed;

    CommittedStream(EventStream inner, Trace trace, TimeSource time, Duration remaining) {
        this.inner = inner;
        this.trace = trace;
        this.deadline = remaining;
        this.alarm = time.schedule(remaining, this::cut);
    }

    private void cut() {
        deadlinePassed = true;
        inner.close();
    }

    @Override
    public StreamEvent next() {
        if (deadlinePassed) {
            throw truncated(deadlineError());
        }
        try {
            StreamEvent e = inner.next();
            if (e == null) {
                alarm.cancel();
            }
            return e;
        } catch (ArbiterException e) {
            alarm.cancel();
            throw truncated(deadlinePassed ? deadlineError() : e);
        }
    }

    private ArbiterException truncated(ArbiterException failure) {
        trace.truncated(failure.kind());
        return failure;
    }

    private ArbiterException deadlineError() {
        return new ArbiterException(ErrorKind.PROVIDER_TIMEOUT, "the request's deadline of " + deadline.toMillis()
                + " ms (x-arbiter-timeout-ms) passed while the answer was streaming", null, "deadline_exceeded", null);
    }

    @Override
    public void close() {
        alarm.cancel();
        inner.close();
    }
}
