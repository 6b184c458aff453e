package dev.arbiter.core.provider;

import dev.arbiter.core.chat.StreamEvent;
import java.util.List;

/**
 * Turns one vendor's server-sent events into canonical {@link StreamEvent}s, keeping whatever state the
 * vendor's format needs (open tool-call blocks, usage split across events...). Not thread-safe: one per stream.
 */
public interface StreamDecoder {

    /** Canonical events for one SSE event (often none or one). Throws ArbiterException for an in-stream error event. */
    List<StreamEvent> decode(SseEvent event);

    /** True once the vendor's end-of-stream marker was seen; the transport stops reading. */
    boolean isDone();

    /**
     * Called when the upstream closed the connection: trailing events, or an ArbiterException when the
     * vendor's format says the stream ended before it was complete.
     */
    List<StreamEvent> finish();
}
