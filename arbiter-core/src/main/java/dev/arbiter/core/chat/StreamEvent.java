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

    /**
     * A piece of the model's reasoning for one choice (Anthropic's thinking blocks). {@code index} numbers the
     * reasoning blocks of the answer from 0, so a new index starts a new block. Each event carries one of: more
     * reasoning {@code text}, the block's {@code signature} (or a piece of it), or the whole {@code redacted} data of
     * an encrypted block. Writers for formats without reasoning output skip these events.
     */
    record ReasoningDelta(int choice, int index, String text, String signature, String redacted) implements StreamEvent {
    }

    /** A choice is complete. */
    record Finish(int choice, FinishReason reason) implements StreamEvent {
    }

    /** Token usage for the whole answer. */
    record UsageReport(Usage usage) implements StreamEvent {
    }
}
