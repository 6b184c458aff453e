package dev.arbiter.core.ingress.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.util.Set;

/**
 * Typed reads of a request's JSON tree that fail with an OpenAI-style 400 naming the parameter's path
 * (e.g. {@code messages[2].content}). JSON {@code null} counts as absent, as OpenAI treats it.
 */
final class Fields {
    private Fields() {
    }

    static String path(String parent, String field) {
        return parent == null || parent.isEmpty() ? field : parent + "." + field;
    }

    static String path(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The field's value, or null when absent or JSON null. */
    static JsonNode get(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        return v == null || v.isNull() ? null : v;
    }

    static ObjectNode requireObject(JsonNode node, String param) {
        if (node == null) {
            throw missing(param);
        }
        if (!node.isObject()) {
            throw typeError(param, "an object", node);
        }
        return (ObjectNode) node;
    }

    static ObjectNode object(JsonNode obj, String field, String parent) {
        JsonNode v = get(obj, field);
        return v == null ? null : requireObject(v, path(parent, field));
    }

    static ArrayNode array(JsonNode obj, String field, String parent) {
        JsonNode v = get(obj, field);
        if (v != null && !v.isArray()) {
            throw typeError(path(parent, field), "an array", v);
        }
        return (ArrayNode) v;
    }

    static String string(JsonNode obj, String field, String parent) {
        JsonNode v = get(obj, field);
        if (v != null && !v.isTextual()) {
            throw typeError(path(parent, field), "a string", v);
        }
        return v == null ? null : v.asText();
    }

    static String requiredString(JsonNode obj, String field, String parent) {
        String v = string(obj, field, parent);
        if (v == null) {
            throw missing(path(parent, field));
        }
        return v;
    }

    static Boolean bool(JsonNode obj, String field, String parent) {
        JsonNode v = get(obj, field);
        if (v != null && !v.isBoolean()) {
            throw typeError(path(parent, field), "a boolean", v);
        }
        return v == null ? null : v.asBoolean();
    }

    /** A number within [min, max]. */
    static Double number(JsonNode obj, String field, String parent, double min, double max) {
        JsonNode v = get(obj, field);
        if (v == null) {
            return null;
        }
        String param = path(parent, field);
        if (!v.isNumber()) {
            throw typeError(param, "a number", v);
        }
        double d = v.asDouble();
        if (!(d >= min && d <= max)) {
            throw invalid(param, "expected a value between " + fmt(min) + " and " + fmt(max) + ", but got " + v + " instead.");
        }
        return d;
    }

    /** An integer within [min, max]. */
    static Long integer(JsonNode obj, String field, String parent, long min, long max) {
        JsonNode v = get(obj, field);
        if (v == null) {
            return null;
        }
        String param = path(parent, field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw typeError(param, "an integer", v);
        }
        long n = v.asLong();
        if (n < min || n > max) {
            throw invalid(param, "expected a value between " + min + " and " + max + ", but got " + n + " instead.");
        }
        return n;
    }

    /** Rejects any field of {@code obj} not in {@code allowed}, naming it. */
    static void onlyKnown(JsonNode obj, Set<String> allowed, String parent) {
        for (String name : (Iterable<String>) obj::fieldNames) {
            if (!allowed.contains(name)) {
                String param = path(parent, name);
                throw new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST,
                        "Unrecognized field '" + param + "'.", param, "unknown_parameter", null);
            }
        }
    }

    static ArbiterException typeError(String param, String expected, JsonNode actual) {
        return new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "Invalid type for '" + param + "': expected "
                + expected + ", but got " + describe(actual) + " instead.", param, "invalid_type", null);
    }

    static ArbiterException missing(String param) {
        return new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "Missing required parameter: '" + param + "'.",
                param, "missing_required_parameter", null);
    }

    static ArbiterException invalid(String param, String why) {
        return ArbiterException.invalid(param, "Invalid value for '" + param + "': " + why);
    }

    static ArbiterException unsupported(String param, String why) {
        return ArbiterException.unsupported(param, "Unsupported parameter '" + param + "': " + why);
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isIntegralNumber()) {
            return "an integer";
        }
        if (v.isNumber()) {
            return "a decimal";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return v.isArray() ? "an array" : "an object";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
