package dev.arbiter.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a caller's JSON Schema into the subset Gemini accepts in {@code parametersJsonSchema} (tools) and
 * {@code responseJsonSchema} (structured output).
 *
 * <p>Both fields take real JSON Schema (unlike the older OpenAPI-style {@code parameters}/{@code responseSchema}),
 * but the v1beta reference lists the only keywords Gemini supports: {@code $id $defs $ref $anchor type format
 * title description enum items prefixItems minItems maxItems minimum maximum anyOf oneOf properties
 * additionalProperties required} plus the non-standard {@code propertyOrdering}, and says a sub-schema with
 * {@code $ref} may carry no other keys except {@code $}-prefixed ones. Every schema is rewritten the same way:
 * <ul>
 *   <li>kept: the keywords above, walked recursively where they hold sub-schemas;</li>
 *   <li>converted: {@code definitions} to {@code $defs} (and {@code #/definitions/} refs with it), {@code const} of a
 *       string or number to a one-value {@code enum}, a one-element {@code allOf} to a one-element {@code anyOf},
 *       a draft-07 tuple {@code items: [...]} to {@code prefixItems}, and {@code $ref} with siblings to
 *       {@code anyOf: [{$ref}]} next to those siblings;</li>
 *   <li>stripped: everything else ({@code $schema}, {@code $comment}, {@code default}, {@code examples},
 *       {@code pattern}, string lengths, exclusive bounds, {@code multipleOf}, {@code uniqueItems}, {@code not},
 *       conditionals, {@code strict}...). These are annotations or constraints Gemini cannot apply; sending them
 *       makes Gemini reject the whole request, so the model gets the shape without those extra checks;</li>
 *   <li>refused: an {@code allOf} of several schemas, which no supported keyword can express.</li>
 * </ul>
 */
final class GeminiSchemas {
    private static final Set<String> PLAIN_KEYWORDS = Set.of("$id", "$anchor", "type", "format", "title",
            "description", "enum", "minItems", "maxItems", "minimum", "maximum", "required", "propertyOrdering");
    private static final Set<String> SCHEMA_MAP_KEYWORDS = Set.of("properties", "$defs", "definitions");
    private static final Set<String> SCHEMA_LIST_KEYWORDS = Set.of("anyOf", "oneOf", "prefixItems");

    private GeminiSchemas() {
    }

    /** The Gemini form of {@code schema}; {@code param} names the request field in errors. Never mutates its input. */
    static ObjectNode convert(ObjectNode schema, String param) {
        return convertNode(schema, param);
    }

    private static ObjectNode convertNode(JsonNode schema, String param) {
        if (!schema.isObject()) {
            throw ArbiterException.invalid(param, "a JSON Schema must be an object, got " + schema.getNodeType());
        }
        ObjectNode out = Json.object();
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            copyKeyword(field.getKey(), field.getValue(), out, param);
        }
        return isolateRef(out);
    }

    private static void copyKeyword(String key, JsonNode value, ObjectNode out, String param) {
        if (PLAIN_KEYWORDS.contains(key)) {
            out.set(key, value.deepCopy());
        } else if ("$ref".equals(key)) {
            out.put("$ref", value.asText().replace("#/definitions/", "#/$defs/"));
        } else if (SCHEMA_MAP_KEYWORDS.contains(key) && value.isObject()) {
            out.set("definitions".equals(key) ? "$defs" : key, convertMap(value, param));
        } else if (SCHEMA_LIST_KEYWORDS.contains(key) && value.isArray()) {
            out.set(key, convertList(value, param));
        } else if ("items".equals(key) && value.isArray()) {
            out.set("prefixItems", convertList(value, param)); // draft-07 tuple form
        } else if ("items".equals(key)) {
            out.set("items", value.isObject() ? convertNode(value, param) : value.deepCopy());
        } else if ("additionalProperties".equals(key)) {
            out.set(key, value.isObject() ? convertNode(value, param) : value.deepCopy());
        } else if ("allOf".equals(key) && value.isArray()) {
            if (value.size() != 1) {
                throw ArbiterException.unsupported(param, "Gemini cannot express a JSON Schema 'allOf' of "
                        + value.size() + " schemas; merge them into one schema");
            }
            out.set("anyOf", convertList(value, param));
        } else if ("const".equals(key) && (value.isTextual() || value.isNumber())) {
            out.set("enum", Json.array().add(value.deepCopy()));
        }
        // any other keyword is stripped on purpose: see the class comment
    }

    private static ObjectNode convertMap(JsonNode map, String param) {
        ObjectNode out = Json.object();
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            out.set(entry.getKey(), convertNode(entry.getValue(), param));
        }
        return out;
    }

    private static ArrayNode convertList(JsonNode list, String param) {
        ArrayNode out = Json.array();
        for (JsonNode item : list) {
            out.add(convertNode(item, param));
        }
        return out;
    }

    /** Gemini allows only {@code $}-keys beside a {@code $ref}: move the reference into a one-element anyOf. */
    private static ObjectNode isolateRef(ObjectNode schema) {
        if (!schema.has("$ref") || schema.has("anyOf")) {
            return schema;
        }
        boolean hasPlainSibling = false;
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            hasPlainSibling |= !field.getKey().startsWith("$");
        }
        if (!hasPlainSibling) {
            return schema;
        }
        ObjectNode ref = Json.object();
        ref.set("$ref", schema.remove("$ref"));
        schema.set("anyOf", Json.array().add(ref));
        return schema;
    }
}
