package dev.arbiter.core.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The requested output shape: free text, any JSON object, or JSON matching a named schema. */
public record ResponseFormat(Type type, String name, ObjectNode schema, Boolean strict) {
    public enum Type { TEXT, JSON_OBJECT, JSON_SCHEMA }

    public static final ResponseFormat TEXT = new ResponseFormat(Type.TEXT, null, null, null);
    public static final ResponseFormat JSON_OBJECT = new ResponseFormat(Type.JSON_OBJECT, null, null, null);

    public static ResponseFormat jsonSchema(String name, ObjectNode schema, Boolean strict) {
        return new ResponseFormat(Type.JSON_SCHEMA, name, schema, strict);
    }

    public boolean wantsJson() {
        return type != Type.TEXT;
    }
}
