package dev.arbiter.core.reliability;

import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.StreamEvent;
import java.util.ArrayDeque;
import java.util.List;

/** A stream whose first events were read ahead inside the pre-commit window: it replays them, then reads on. */
final class HeldStream implements EventStream {
    private final ArrayDeque<StreamEvent> held;
    private final EventStream rest;
    private final boolean ended;

    /** {@code ended}: the upstream stream already ended cleanly inside the window. */
    HeldStream(List<StreamEvent> held, EventStream rest, boolean ended) {
        this.held = new ArrayDeque<>(held);
        this.rest = rest;
        this.ended = ended;
    }

    /** True when the window holds a refusal: choice 0 finished on content filter before any text or tool call. */
    boolean isRefusal() {
        for (StreamEvent e : held) {
            switch (e) {
                case StreamEvent.TextDelta t when t.choice() == 0 && !t.text().isEmpty() -> {
                    return false;
                }
                case StreamEvent.ToolCallDelta d when d.choice() == 0 -> {
                    return false;
                }
                case StreamEvent.Finish f when f.choice() == 0 -> {
                    return f.reason() == FinishReason.CONTENT_FILTER;
                }
                default -> { }
            }
        }
        return false;
    }

    @Override
    public StreamEvent next() {
        StreamEvent e = held.poll();
        if (e != null) {
            return e;
        }
        return ended ? null : rest.next();
    }

    @Override
    public void close() {
        rest.close();
    }
}
