package dev.arbiter.core.chat;

import java.util.List;

/** A complete (non-streamed) answer: upstream id, the model that produced it, creation time (epoch s), choices, usage. */
public record ChatResponse(String id, String model, long created, List<Choice> choices, Usage usage) {
    public ChatResponse {
        choices = List.copyOf(choices);
        usage = usage == null ? Usage.ZERO : usage;
    }

    /** The first choice's message: what a caller with {@code n = 1} reads. */
    public Message message() {
        return choices.getFirst().message();
    }
}
