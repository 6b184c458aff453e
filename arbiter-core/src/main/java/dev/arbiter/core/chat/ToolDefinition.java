package dev.arbiter.core.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A function the model may call: name, description (nullable), JSON Schema of its parameters, strict flag (nullable),
 * and a caching breakpoint after it (null when none; see {@link CacheBreakpoint}).
 */
public record ToolDefinition(String name, String description, ObjectNode parameters, Boolean strict, CacheBreakpoint cache) {
    public ToolDefinition(String name, String description, ObjectNode parameters, Boolean strict) {
        this(name, description, parameters, strict, null);
    }
}
