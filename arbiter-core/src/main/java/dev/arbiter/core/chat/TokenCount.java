package dev.arbiter.core.chat;

/**
 * A request's input tokens, counted without running it: {@code exact} when the model's upstream counted them
 * (Anthropic's Token Counting API), otherwise Arbiter's local estimate.
 */
public record TokenCount(int inputTokens, boolean exact) {
    public TokenCount {
        if (inputTokens < 0) {
            throw new IllegalArgumentException("a token count cannot be negative: " + inputTokens);
        }
    }
}
