package dev.arbiter.core.provider.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** A compact JSON Schema validator for the subset the sandbox generates, so tests can catch invalid instances. */
final class JsonSchemaChecker {
    private final JsonNode root;
    private final List<String> errors = new ArrayList<>();

    private JsonSchemaChecker(JsonNode root) {
        this.root = root;
    }

    /** Every violation as "path: problem"; empty when the instance is valid. */
    static List<String> errors(JsonNode schema, JsonNode instance) {
        JsonSchemaChecker checker = new JsonSchemaChecker(schema);
        checker.check(schema, instance, "$");
        return checker.errors;
    }

    private boolean valid(JsonNode schema, JsonNode value) {
        JsonSchemaChecker branch = new JsonSchemaChecker(root);
        branch.check(schema, value, "$");
        return branch.errors.isEmpty();
    }

    private void check(JsonNode schema, JsonNode value, String path) {
        if (schema.isBoolean()) {
            expect(schema.asBoolean(), path, "schema false admits nothing");
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            check(ref.equals("#") ? root : root.at(ref.substring(1)), value, path);
            return;
        }
        if (schema.has("const")) {
            expect(same(schema.get("const"), value), path, "is not the const " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= same(option, value);
            }
            expect(listed, path, value + " is not in enum " + schema.get("enum"));
        }
        if (schema.has("type")) {
            expect(typeMatches(schema.get("type"), value), path, value + " is not of type " + schema.get("type"));
        }
        schema.path("allOf").forEach(part -> check(part, value, path));
        if (schema.has("anyOf")) {
            expect(count(schema.get("anyOf"), s -> valid(s, value)) >= 1, path, "matches no anyOf branch");
        }
        if (schema.has("oneOf")) {
            expect(count(schema.get("oneOf"), s -> valid(s, value)) == 1, path, "does not match exactly one oneOf branch");
        }
        if (value.isObject()) {
            checkObject(schema, value, path);
        } else if (value.isArray()) {
            checkArray(schema, value, path);
        } else if (value.isTextual()) {
            checkString(schema, value.asText(), path);
        } else if (value.isNumber()) {
            checkNumber(schema, value.decimalValue(), path);
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String path) {
        JsonNode properties = schema.path("properties");
        schema.path("required").forEach(r -> expect(value.has(r.asText()), path, "misses required " + r.asText()));
        value.properties().forEach(field -> {
            String at = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), at);
            } else if (schema.has("additionalProperties")) {
                check(schema.get("additionalProperties"), field.getValue(), at);
            }
        });
        expect(value.size() >= schema.path("minProperties").asInt(0), path, "has too few properties");
    }

    private void checkArray(JsonNode schema, JsonNode value, String path) {
        JsonNode prefix = schema.has("prefixItems") ? schema.get("prefixItems")
                : schema.path("items").isArray() ? schema.get("items") : null;
        for (int i = 0; i < value.size(); i++) {
            JsonNode itemSchema = prefix != null && i < prefix.size() ? prefix.get(i)
                    : schema.path("items").isObject() ? schema.get("items") : null;
            if (itemSchema != null) {
                check(itemSchema, value.get(i), path + "[" + i + "]");
            }
        }
        expect(value.size() >= schema.path("minItems").asInt(0), path, "has fewer than minItems items");
        expect(value.size() <= schema.path("maxItems").asInt(Integer.MAX_VALUE), path, "has more than maxItems items");
        if (schema.path("uniqueItems").asBoolean()) {
            Set<JsonNode> seen = new HashSet<>();
            value.forEach(item -> expect(seen.add(item), path, "repeats " + item + " despite uniqueItems"));
        }
    }

    private void checkString(JsonNode schema, String text, String path) {
        int length = text.codePointCount(0, text.length());
        expect(length >= schema.path("minLength").asInt(0), path, "is shorter than minLength");
        expect(length <= schema.path("maxLength").asInt(Integer.MAX_VALUE), path, "is longer than maxLength");
        String format = schema.path("format").asText("");
        expect(formatMatches(format, text), path, "'" + text + "' is not a valid " + format);
    }

    private void checkNumber(JsonNode schema, BigDecimal number, String path) {
        JsonNode min = schema.get("minimum");
        JsonNode max = schema.get("maximum");
        JsonNode exMin = schema.get("exclusiveMinimum");
        JsonNode exMax = schema.get("exclusiveMaximum");
        boolean draft4ExMin = exMin != null && exMin.isBoolean() && exMin.asBoolean();
        boolean draft4ExMax = exMax != null && exMax.isBoolean() && exMax.asBoolean();
        if (min != null) {
            int c = number.compareTo(min.decimalValue());
            expect(draft4ExMin ? c > 0 : c >= 0, path, number + " is below the minimum " + min);
        }
        if (max != null) {
            int c = number.compareTo(max.decimalValue());
            expect(draft4ExMax ? c < 0 : c <= 0, path, number + " is above the maximum " + max);
        }
        if (exMin != null && exMin.isNumber()) {
            expect(number.compareTo(exMin.decimalValue()) > 0, path, number + " is not above " + exMin);
        }
        if (exMax != null && exMax.isNumber()) {
            expect(number.compareTo(exMax.decimalValue()) < 0, path, number + " is not below " + exMax);
        }
        if (schema.has("multipleOf")) {
            double ratio = number.doubleValue() / schema.get("multipleOf").asDouble();
            expect(Math.abs(ratio - Math.rint(ratio)) < 1e-6, path, number + " is not a multiple of " + schema.get("multipleOf"));
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static boolean formatMatches(String format, String text) {
        try {
            return switch (format) {
                case "date" -> LocalDate.parse(text) != null;
                case "date-time" -> OffsetDateTime.parse(text) != null;
                case "email" -> text.matches("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");
                case "uri" -> URI.create(text).isAbsolute();
                case "uuid" -> UUID.fromString(text) != null;
                default -> true;
            };
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.equals(b) || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0;
    }

    private static int count(JsonNode branches, Predicate<JsonNode> test) {
        int n = 0;
        for (JsonNode branch : branches) {
            n += test.test(branch) ? 1 : 0;
        }
        return n;
    }

    private void expect(boolean ok, String path, String problem) {
        if (!ok) {
            errors.add(path + ": " + problem);
        }
    }
}
