package dev.arbiter.core.chat;

/**
 * A pull-based stream of canonical events from an upstream. {@link #next()} blocks (on a virtual thread)
 * until the next event, returns null at the clean end, and throws {@link dev.arbiter.core.error.ArbiterException}
 * when the stream fails. {@link #close()} cancels the upstream call; it is safe to call at any time, twice too.
 */
public interface EventStream extends AutoCloseable {
    StreamEvent next();

    @Override
    void close();
}
