package dev.arbiter.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON instance against the small JSON Schema subset the SDK tests use (type, properties, required,
 * additionalProperties false, enum, minimum/maximum, items), listing every violation with its path.
 */
final class JsonSchemaCheck {
    private final List<String> violations = new ArrayList<>();

    private JsonSchemaCheck() {
    }

    static List<String> violations(JsonNode schema, JsonNode instance) {
        JsonSchemaCheck check = new JsonSchemaCheck();
        check.check(schema, instance, "$");
        return check.violations;
    }

    private void check(JsonNode schema, JsonNode value, String path) {
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                violations.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> object(schema, value, path);
            case "array" -> {
                if (!value.isArray()) {
                    violations.add(path + ": expected an array, got " + value);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), path + "[" + i + "]");
                }
            }
            case "string" -> expect(value.isTextual(), path, "a string", value);
            case "integer" -> number(schema, value, path, value.isIntegralNumber(), "an integer");
            case "number" -> number(schema, value, path, value.isNumber(), "a number");
            case "boolean" -> expect(value.isBoolean(), path, "a boolean", value);
            default -> { }
        }
    }

    private void object(JsonNode schema, JsonNode value, String path) {
        if (!value.isObject()) {
            violations.add(path + ": expected an object, got " + value);
            return;
        }
        schema.path("required").forEach(r -> expect(value.has(r.asText()), path + "." + r.asText(), "present", value));
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            JsonNode property = schema.path("properties").get(field.getKey());
            if (property != null) {
                check(property, field.getValue(), path + "." + field.getKey());
            } else if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                violations.add(path + ": unexpected property '" + field.getKey() + "'");
            }
        }
    }

    private void number(JsonNode schema, JsonNode value, String path, boolean typed, String what) {
        expect(typed, path, what, value);
        if (typed && schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            violations.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (typed && schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            violations.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
        }
    }

    private void expect(boolean ok, String path, String what, JsonNode value) {
        if (!ok) {
            violations.add(path + ": expected " + what + ", got " + value);
        }
    }
}
