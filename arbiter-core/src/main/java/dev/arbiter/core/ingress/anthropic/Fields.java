package dev.arbiter.core.ingress.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.error.ArbiterException;
import java.util.Set;

/**
 * Typed reads of a caller's JSON that fail with a 400 naming the parameter by its full path
 * (e.g. {@code messages[2].content[0].source.media_type}) and the wrong value's JSON type.
 */
final class Fields {
    private Fields() {
    }

    /** The field's value; absent or JSON null is a 400 saying the parameter is required. */
    static JsonNode required(JsonNode parent, String field, String param) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            throw ArbiterException.invalid(param, param + " is required");
        }
        return v;
    }

    /** The field's value, or null when absent or JSON null. */
    static JsonNode optional(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        return v == null || v.isNull() ? null : v;
    }

    static String string(JsonNode v, String param) {
        if (!v.isTextual()) {
            throw wrongType(param, "a string", v);
        }
        return v.textValue();
    }

    static ObjectNode object(JsonNode v, String param) {
        if (!v.isObject()) {
            throw wrongType(param, "an object", v);
        }
        return (ObjectNode) v;
    }

    static ArrayNode array(JsonNode v, String param) {
        if (!v.isArray()) {
            throw wrongType(param, "an array", v);
        }
        return (ArrayNode) v;
    }

    static boolean bool(JsonNode v, String param) {
        if (!v.isBoolean()) {
            throw wrongType(param, "a boolean", v);
        }
        return v.booleanValue();
    }

    static int integer(JsonNode v, String param, int min) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw wrongType(param, "an integer", v);
        }
        if (v.intValue() < min) {
            throw ArbiterException.invalid(param, param + " must be at least " + min + ", got " + v.intValue());
        }
        return v.intValue();
    }

    static double number(JsonNode v, String param, double min, double max) {
        if (!v.isNumber()) {
            throw wrongType(param, "a number", v);
        }
        double d = v.doubleValue();
        if (d < min || d > max) {
            throw ArbiterException.invalid(param, param + " must be between " + min + " and " + max + ", got " + d);
        }
        return d;
    }

    /**
     * Refuses any field not in {@code known}, naming it: nothing a caller sends is dropped silently.
     * An explicit JSON null asks for nothing, so it passes.
     */
    static void onlyKnown(JsonNode object, Set<String> known, String prefix) {
        for (var field : object.properties()) {
            if (!known.contains(field.getKey()) && !field.getValue().isNull()) {
                String param = prefix + field.getKey();
                throw ArbiterException.unsupported(param, param + " is not supported by Arbiter's Anthropic Messages endpoint");
            }
        }
    }

    private static ArbiterException wrongType(String param, String expected, JsonNode v) {
        return ArbiterException.invalid(param, param + " must be " + expected + ", got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
}
