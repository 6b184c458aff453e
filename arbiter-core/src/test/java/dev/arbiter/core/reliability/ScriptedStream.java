package dev.arbiter.core.reliability;

import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An upstream stream on the fake clock: each {@link #next()} first lets {@code gap} pass (firing any alarm due,
 * which may close the stream), then yields the next event; optionally it fails after its events, or stalls (the
 * clock runs on until something closes it).
 */
final class ScriptedStream implements EventStream {
    private final FakeTime time;
    private final Duration gap;
    private final List<StreamEvent> events;
    private final ArbiterException failure;
    private int index;
    private boolean stallAtEnd;
    private volatile boolean closed;

    ScriptedStream(FakeTime time, Duration gap, List<StreamEvent> events, ArbiterException failure) {
        this.time = time;
        this.gap = gap;
        this.events = new ArrayList<>(events);
        this.failure = failure;
    }

    /** The same events, then this failure instead of a clean end. */
    ScriptedStream thenFail(ErrorKind kind) {
        return new ScriptedStream(time, gap, events, new ArbiterException(kind, "scripted mid-stream " + kind.type()));
    }

    /** The same events, then silence: the clock advances in 10 ms steps until the stream is closed. */
    ScriptedStream thenStall() {
        ScriptedStream s = new ScriptedStream(time, gap, events, null);
        s.stallAtEnd = true;
        return s;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public StreamEvent next() {
        if (index < events.size()) {
            time.advance(gap);
            checkOpen();
            return events.get(index++);
        }
        if (stallAtEnd) {
            for (int i = 0; i < 360_000 && !closed; i++) {
                time.advance(Duration.ofMillis(10));
            }
            checkOpen();
            throw new IllegalStateException("a stalled scripted stream was never cut");
        }
        if (failure != null) {
            throw failure;
        }
        return null;
    }

    private void checkOpen() {
        if (closed) {
            throw new ArbiterException(ErrorKind.PROVIDER_UNREACHABLE, "scripted stream was closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
