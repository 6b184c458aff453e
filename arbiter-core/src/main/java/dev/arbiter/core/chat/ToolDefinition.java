package dev.arbiter.core.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A function the model may call: name, description (nullable), JSON Schema of its parameters, strict flag (nullable). */
public record ToolDefinition(String name, String description, ObjectNode parameters, Boolean strict) {
}
