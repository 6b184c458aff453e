package dev.arbiter.core.chat;

/** One completion alternative: its index, the assistant message and why generation stopped. */
public record Choice(int index, Message message, FinishReason finishReason) {
}
