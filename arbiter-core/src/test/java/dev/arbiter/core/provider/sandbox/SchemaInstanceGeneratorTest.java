package dev.arbiter.core.provider.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaInstanceGeneratorTest {

    static Stream<Arguments> schemas() {
        return SchemaCatalogue.SCHEMAS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void generatesAnInstanceTheSchemaAccepts(String kind, String schemaJson) {
        JsonNode schema = Json.parse(schemaJson);

        JsonNode instance = SchemaInstanceGenerator.instanceOf(schema);

        assertThat(JsonSchemaChecker.errors(schema, instance)).as("%s -> %s", kind, instance).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void generatesTheSameInstanceEveryTime(String kind, String schemaJson) {
        JsonNode schema = Json.parse(schemaJson);

        assertThat(SchemaInstanceGenerator.instanceOf(schema)).isEqualTo(SchemaInstanceGenerator.instanceOf(schema));
    }

    @Test
    void checkerRejectsInstancesThatBreakTheSchema() {
        JsonNode schema = Json.parse(SchemaCatalogue.SCHEMAS.get("weather"));

        assertThat(JsonSchemaChecker.errors(schema, Json.parse("{\"city\":\"Oslo\"}"))).isNotEmpty();
        assertThat(JsonSchemaChecker.errors(schema, Json.parse("{\"city\":\"Oslo\",\"unit\":\"kelvin\"}"))).isNotEmpty();
        assertThat(JsonSchemaChecker.errors(schema,
                Json.parse("{\"city\":\"Oslo\",\"unit\":\"celsius\",\"days\":15}"))).isNotEmpty();
        assertThat(JsonSchemaChecker.errors(schema,
                Json.parse("{\"city\":\"Oslo\",\"unit\":\"celsius\",\"wind\":true}"))).isNotEmpty();
        assertThat(JsonSchemaChecker.errors(Json.parse("{\"type\":\"string\",\"format\":\"date\"}"),
                Json.parse("\"15/01/2025\""))).isNotEmpty();
    }

    @Test
    void fillsStringsWithTheirPropertyName() {
        JsonNode instance = SchemaInstanceGenerator.instanceOf(Json.parse(SchemaCatalogue.SCHEMAS.get("weather")));

        assertThat(instance.get("city").asText()).isEqualTo("example city");
        assertThat(instance.get("unit").asText()).isEqualTo("celsius");
    }

    @Test
    void refusesAReferenceThatPointsNowhere() {
        JsonNode schema = Json.parse("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/missing\"}}}");

        assertThatThrownBy(() -> SchemaInstanceGenerator.instanceOf(schema))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#/$defs/missing");
    }

    @Test
    void refusesARemoteReference() {
        JsonNode schema = Json.parse("{\"$ref\":\"https://example.com/schema.json\"}");

        assertThatThrownBy(() -> SchemaInstanceGenerator.instanceOf(schema))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("local $ref");
    }
}
