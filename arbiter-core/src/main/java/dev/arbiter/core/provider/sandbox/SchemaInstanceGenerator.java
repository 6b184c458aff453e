package dev.arbiter.core.provider.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Produces one deterministic JSON instance valid against a JSON Schema, for the subset models are given:
 * type (also as a list), properties, required, additionalProperties, minProperties, enum, const, items,
 * prefixItems, min/maxItems, allOf (merged), anyOf/oneOf (first non-null branch) and {@code $ref} to
 * {@code #}, {@code #/$defs/...} or {@code #/definitions/...}. Scalars come from {@link ScalarValues};
 * {@code pattern} is not honoured. Recursive schemas stop adding optional parts past a depth limit.
 * Throws IllegalArgumentException for a schema it cannot resolve.
 */
final class SchemaInstanceGenerator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int OPTIONAL_DEPTH = 4;
    private static final int MAX_DEPTH = 32;

    private final JsonNode root;

    private SchemaInstanceGenerator(JsonNode root) {
        this.root = root;
    }

    static JsonNode instanceOf(JsonNode schema) {
        return new SchemaInstanceGenerator(schema).generate(schema, "value", 0);
    }

    private JsonNode generate(JsonNode schema, String name, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("schema nests deeper than " + MAX_DEPTH + " levels (unbounded recursion?)");
        }
        if (schema == null || schema.isBoolean() || schema.isEmpty()) {
            return NODES.textNode(ScalarValues.text(name));
        }
        if (!schema.isObject()) {
            throw new IllegalArgumentException("a schema must be an object, got: " + schema);
        }
        if (schema.has("$ref")) {
            return generate(resolve(schema.get("$ref").asText()), name, depth + 1);
        }
        if (schema.has("const")) {
            return schema.get("const").deepCopy();
        }
        if (schema.has("enum") && schema.get("enum").isArray() && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0).deepCopy();
        }
        if (schema.has("allOf")) {
            return generate(mergeAllOf(schema), name, depth + 1);
        }
        JsonNode branches = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
        if (branches != null && branches.isArray() && !branches.isEmpty()) {
            return generate(firstNonNullBranch(branches), name, depth + 1);
        }
        return switch (typeOf(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, name, depth);
            case "string" -> NODES.textNode(ScalarValues.string(schema, name));
            case "integer" -> NODES.numberNode(ScalarValues.integer(schema));
            case "number" -> NODES.numberNode(ScalarValues.number(schema));
            case "boolean" -> NODES.booleanNode(true);
            case "null" -> NODES.nullNode();
            default -> throw new IllegalArgumentException("unknown schema type '" + typeOf(schema) + "'");
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode out = NODES.objectNode();
        JsonNode properties = schema.path("properties");
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            if (depth < OPTIONAL_DEPTH || required.contains(property.getKey())) {
                out.set(property.getKey(), generate(property.getValue(), property.getKey(), depth + 1));
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        JsonNode extraSchema = additional == null || additional.isBoolean() ? null : additional;
        for (String name : required) {
            if (!out.has(name)) {
                out.set(name, generate(extraSchema, name, depth + 1));
            }
        }
        boolean extrasAllowed = additional == null || !additional.isBoolean() || additional.asBoolean();
        for (int i = 1; extrasAllowed && out.size() < schema.path("minProperties").asInt(0); i++) {
            out.set("key" + i, generate(extraSchema, "key" + i, depth + 1));
        }
        return out;
    }

    private ArrayNode array(JsonNode schema, String name, int depth) {
        ArrayNode out = NODES.arrayNode();
        JsonNode prefix = schema.has("prefixItems") ? schema.get("prefixItems")
                : schema.path("items").isArray() ? schema.get("items") : NODES.arrayNode();
        JsonNode items = schema.path("items").isObject() ? schema.get("items") : null;
        int wanted = Math.max(Math.max(schema.path("minItems").asInt(0), prefix.size()), depth < OPTIONAL_DEPTH ? 1 : 0);
        if (schema.has("maxItems")) {
            wanted = Math.min(wanted, schema.get("maxItems").asInt());
        }
        for (int i = 0; i < wanted; i++) {
            JsonNode itemSchema = i < prefix.size() ? prefix.get(i) : items;
            // A numbered name keeps generated strings distinct, which uniqueItems asks for.
            out.add(generate(itemSchema, singular(name) + (i + 1), depth + 1));
        }
        return out;
    }

    private JsonNode resolve(String ref) {
        if (ref.equals("#")) {
            return root;
        }
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local $ref (#/$defs/..., #/definitions/...) is supported, got '" + ref + "'");
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("$ref '" + ref + "' points nowhere in the schema");
        }
        return target;
    }

    /** allOf as one schema: properties and required united, other keywords from the first that gives them. */
    private static JsonNode mergeAllOf(JsonNode schema) {
        ObjectNode merged = ((ObjectNode) schema.deepCopy());
        merged.remove("allOf");
        ObjectNode properties = Json.object();
        ArrayNode required = Json.array();
        for (JsonNode part : withParts(schema)) {
            part.path("properties").properties().forEach(p -> properties.putIfAbsent(p.getKey(), p.getValue()));
            part.path("required").forEach(required::add);
            part.properties().forEach(f -> {
                if (!f.getKey().equals("properties") && !f.getKey().equals("required") && !f.getKey().equals("allOf")) {
                    merged.putIfAbsent(f.getKey(), f.getValue());
                }
            });
        }
        if (!properties.isEmpty()) {
            merged.set("properties", properties);
        }
        if (!required.isEmpty()) {
            merged.set("required", required);
        }
        return merged;
    }

    private static Iterable<JsonNode> withParts(JsonNode schema) {
        ArrayNode all = Json.array();
        all.add(schema);
        schema.get("allOf").forEach(all::add);
        return all;
    }

    private static JsonNode firstNonNullBranch(JsonNode branches) {
        for (JsonNode branch : branches) {
            if (!"null".equals(branch.path("type").asText())) {
                return branch;
            }
        }
        return branches.get(0);
    }

    /** The schema's type: the first non-null one of a list, or inferred from the keywords present. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray() && !type.isEmpty()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (schema.has("properties") || schema.has("required") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items") || schema.has("prefixItems") || schema.has("minItems")) {
            return "array";
        }
        if (schema.has("minimum") || schema.has("maximum") || schema.has("multipleOf")) {
            return "number";
        }
        return "string";
    }

    private static String singular(String name) {
        return name.length() > 3 && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
