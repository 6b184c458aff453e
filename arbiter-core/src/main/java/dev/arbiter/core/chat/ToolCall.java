package dev.arbiter.core.chat;

/**
 * A function call a model asked for: its id, the function name and the arguments as a JSON text; {@code cache} is a
 * caching breakpoint a caller placed on it when sending it back in history (null when none).
 */
public record ToolCall(String id, String name, String argumentsJson, CacheBreakpoint cache) {
    public ToolCall(String id, String name, String argumentsJson) {
        this(id, name, argumentsJson, null);
    }
}
