package dev.arbiter.core.ingress;

import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.error.ArbiterException;

/**
 * Renders one canonical event stream as a caller's SSE text, event by event. Each method returns complete
 * SSE events ("data: ...\n\n", with "event: ..." lines where the format uses them), or "" when nothing is due.
 * Stateful: one writer per stream.
 */
public interface StreamWriter {
    String onEvent(StreamEvent event);

    /** Closes a stream that completed normally (OpenAI's {@code data: [DONE]}). */
    String onEnd();

    /** Ends a stream that failed after it started with an explicit error, never a clean-looking end. */
    String onError(ArbiterException error);
}
