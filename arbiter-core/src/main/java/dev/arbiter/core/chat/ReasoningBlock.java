package dev.arbiter.core.chat;

import java.util.Objects;

/**
 * A piece of a model's own reasoning that came with an assistant turn (Anthropic's {@code thinking} and
 * {@code redacted_thinking} blocks). Clients send them back in later turns so the vendor can verify and reuse them;
 * the signature and redacted data are opaque and travel unchanged. Upstreams of other vendors cannot verify them and
 * do not receive them: they are the model's scratchpad, not part of the conversation's content.
 */
public sealed interface ReasoningBlock {

    /** Visible reasoning text and the vendor's signature over it (null when the vendor gave none). */
    record Thought(String text, String signature) implements ReasoningBlock {
        public Thought {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Reasoning the vendor encrypted: only its opaque {@code data} travels. */
    record Redacted(String data) implements ReasoningBlock {
        public Redacted {
            Objects.requireNonNull(data, "data");
        }
    }
}
