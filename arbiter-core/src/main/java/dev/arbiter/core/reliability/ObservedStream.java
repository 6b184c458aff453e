package dev.arbiter.core.reliability;

import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.error.ArbiterException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stream that tells a listener, exactly once, how it ended: cleanly, with a failure, or abandoned (closed before
 * its end, e.g. by a departed client). Lets a stage settle a breaker permit or a concurrency slot when a stream it
 * passed on finally ends, long after the stage returned.
 */
final class ObservedStream implements EventStream {
    /** How a stream ended. */
    interface Listener {
        void ended();

        void failed(ArbiterException failure);

        void abandoned();
    }

    private final EventStream inner;
    private final Listener listener;
    private final AtomicBoolean settled = new AtomicBoolean();

    ObservedStream(EventStream inner, Listener listener) {
        this.inner = inner;
        this.listener = listener;
    }

    @Override
    public StreamEvent next() {
        StreamEvent event;
        try {
            event = inner.next();
        } catch (ArbiterException e) {
            if (settled.compareAndSet(false, true)) {
                listener.failed(e);
            }
            throw e;
        }
        if (event == null && settled.compareAndSet(false, true)) {
            listener.ended();
        }
        return event;
    }

    @Override
    public void close() {
        try {
            inner.close();
        } finally {
            if (settled.compareAndSet(false, true)) {
                listener.abandoned();
            }
        }
    }
}
