package dev.arbiter.core.reliability;

import java.time.Duration;

/**
 * The pre-commit window of a streamed answer: events are held back until {@code commitAfterEvents} content events
 * (text, tool-call or finish) have arrived, or {@code commitAfter} has passed since the first of them (zero: count
 * only), or the stream ended. A failure or a stall inside the window fails over invisibly; the first content event
 * must come within {@code firstToken}.
 */
public record StreamSettings(int commitAfterEvents, Duration commitAfter, Duration firstToken) {
    public static final StreamSettings DEFAULTS = new StreamSettings(1, Duration.ZERO, Duration.ofSeconds(120));

    public StreamSettings {
        if (commitAfterEvents < 1) {
            throw new IllegalArgumentException("commit_after_events must be at least 1, got " + commitAfterEvents);
        }
    }
}
