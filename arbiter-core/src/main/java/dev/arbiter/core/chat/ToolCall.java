package dev.arbiter.core.chat;

/** A function call a model asked for: its id, the function name and the arguments as a JSON text. */
public record ToolCall(String id, String name, String argumentsJson) {
}
