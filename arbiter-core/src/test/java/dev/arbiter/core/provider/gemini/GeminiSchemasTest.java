package dev.arbiter.core.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import org.junit.jupiter.api.Test;

class GeminiSchemasTest {

    @Test
    void keepsPropertiesWhoseNamesLookLikeKeywords() {
        ObjectNode schema = schema("{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\"},"
                + "\"pattern\":{\"type\":\"string\",\"pattern\":\"x\"}},\"required\":[\"type\",\"pattern\"]}");

        assertThat(GeminiSchemas.convert(schema, "p")).isEqualTo(json("{\"type\":\"object\",\"properties\":"
                + "{\"type\":{\"type\":\"string\"},\"pattern\":{\"type\":\"string\"}},\"required\":[\"type\",\"pattern\"]}"));
    }

    @Test
    void walksIntoItemsAnyOfAndAdditionalPropertiesSchemas() {
        ObjectNode schema = schema("{\"type\":\"array\",\"items\":{\"anyOf\":[{\"type\":\"string\",\"maxLength\":3},"
                + "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\",\"multipleOf\":2}}]},"
                + "\"uniqueItems\":true,\"minItems\":1}");

        assertThat(GeminiSchemas.convert(schema, "p")).isEqualTo(json("{\"type\":\"array\",\"items\":{\"anyOf\":["
                + "{\"type\":\"string\"},{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}}]},\"minItems\":1}"));
    }

    @Test
    void turnsATupleItemsListIntoPrefixItemsAndASingleAllOfIntoAnyOf() {
        ObjectNode schema = schema("{\"type\":\"array\",\"items\":[{\"type\":\"string\"},{\"allOf\":[{\"type\":\"number\"}]}]}");

        assertThat(GeminiSchemas.convert(schema, "p")).isEqualTo(json(
                "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"},{\"anyOf\":[{\"type\":\"number\"}]}]}"));
    }

    @Test
    void refusesAnAllOfOfSeveralSchemasNamingTheParameter() {
        ObjectNode schema = schema("{\"allOf\":[{\"type\":\"object\"},{\"required\":[\"a\"]}]}");

        assertThatThrownBy(() -> GeminiSchemas.convert(schema, "tools[2].function.parameters"))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_UNSUPPORTED_FEATURE);
                    assertThat(e.param()).isEqualTo("tools[2].function.parameters");
                });
    }

    @Test
    void leavesABareRefAndTheCallersSchemaAlone() {
        ObjectNode schema = schema("{\"$ref\":\"#/$defs/A\",\"$defs\":{\"A\":{\"type\":\"string\",\"examples\":[\"x\"]}}}");
        JsonNode before = schema.deepCopy();

        assertThat(GeminiSchemas.convert(schema, "p"))
                .isEqualTo(json("{\"$ref\":\"#/$defs/A\",\"$defs\":{\"A\":{\"type\":\"string\"}}}"));
        assertThat(schema).isEqualTo(before);
    }

    private static ObjectNode schema(String text) {
        return (ObjectNode) Json.parse(text);
    }

    private static JsonNode json(String text) {
        return Json.parse(text);
    }
}
