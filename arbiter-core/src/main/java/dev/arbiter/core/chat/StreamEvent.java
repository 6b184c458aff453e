package dev.arbiter.core.chat;

/**
 * One event of a streamed answer in canonical form. Codecs turn each vendor's stream into this sequence:
 * {@link Start} once, then deltas, then {@link Finish} per choice, then {@link UsageReport} when the upstream
 * reported usage. A failure mid-stream is not an event: {@link EventStream#next()} throws it.
 */
public sealed interface StreamEvent {

    /** The stream's identity, first. */
    record Start(String id, String model, long created) implements StreamEvent {
    }

    /** A piece of assistant text for one choice. */
    record TextDelta(int choice, String text) implements StreamEvent {
    }

    /**
     * A piece of a tool call. The first delta of a call carries {@code id} and {@code name};
     * later ones carry only more {@code argumentsDelta} for the same {@code index}.
     */
    record ToolCallDelta(int choice, int index, String id, String name, String argumentsDelta) implements StreamEvent {
    }

    /** A choice is complete. */
    record Finish(int choice, FinishReason reason) implements StreamEvent {
    }

    /** Token usage for the whole answer. */
    record UsageReport(Usage usage) implements StreamEvent {
    }
}
