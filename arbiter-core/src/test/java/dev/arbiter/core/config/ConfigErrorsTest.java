package dev.arbiter.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigErrorsTest {
    /** Two valid models; tests break one line of it. Line 9 is models[1]'s first line. */
    static final String MODELS = """
            providers:
              - {id: local, type: openai, base_url: "http://127.0.0.1:9000/v1"}
            models:
              - id: local/a
                provider: local
                price: {input: 0.1, output: 0.2}
                context_window: 1000
                capabilities: [tools]
              - id: local/b
                provider: local
                price: {input: 0.3, output: 0.4}
                context_window: 1000
                capabilities: [tools]
            """;

    @TempDir
    Path dir;

    ConfigException error(String yaml) {
        return new ConfigFixture(dir).error(yaml);
    }

    static void assertAt(ConfigException e, int line, int column, String keyPath, String problem) {
        assertThat(e.line()).as("line of: " + e.getMessage()).isEqualTo(line);
        assertThat(e.column()).as("column of: " + e.getMessage()).isEqualTo(column);
        assertThat(e.keyPath()).isEqualTo(keyPath);
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.getMessage()).isEqualTo(e.file() + ":" + line + ":" + column + ": " + keyPath + ": " + problem);
    }

    @Test
    void namesAnUnknownKeyAndSuggestsTheClosestKnownOne() {
        ConfigException e = error("""
                providers:
                  - id: local
                    type: openai
                    base_ur: http://127.0.0.1:9000/v1
                """);

        assertAt(e, 4, 5, "providers[0].base_ur", "unknown key 'base_ur'; did you mean 'base_url'?");
    }

    @Test
    void suggestsTheFullKeyForATruncatedOne() {
        ConfigException e = error(MODELS.replace("context_window: 1000\n    capabilities: [tools]\n  - id: local/b",
                "context_window: 1000\n    capabilities: [tools]\n    upstream: x\n  - id: local/b"));

        assertAt(e, 9, 5, "models[0].upstream", "unknown key 'upstream'; did you mean 'upstream_model'?");
    }

    @Test
    void listsTheKnownKeysWhenNothingIsClose() {
        ConfigException e = error("zzz: 1\n");

        assertAt(e, 1, 1, "zzz", "unknown key 'zzz'; expected one of: alerts, auth, budgets, catalog, ledger, models,"
                + " providers, rate_limits, redis, reliability, routes, routing, server, storage");
    }

    @Test
    void reportsAWrongTypeAtTheValueWithItsKeyPath() {
        ConfigException e = error(MODELS.replace("input: 0.3", "input: abc"));

        assertAt(e, 11, 20, "models[1].price.input", "expected a number, got 'abc'");
    }

    @Test
    void reportsAMappingWhereAValueWasExpected() {
        ConfigException e = error("server:\n  port: {a: 1}\n");

        assertAt(e, 2, 9, "server.port", "expected a single value, got a mapping");
    }

    @Test
    void reportsAMissingRequiredKeyAtItsMapping() {
        ConfigException e = error(MODELS.replace("id: local/b\n    provider: local\n", "id: local/b\n"));

        assertAt(e, 9, 5, "models[1].provider", "required key 'provider' is missing");
    }

    @Test
    void rejectsADuplicateModelIdPointingAtTheFirst() {
        ConfigException e = error(MODELS.replace("id: local/b", "id: local/a"));

        assertAt(e, 9, 9, "models[1].id", "duplicate model id 'local/a' (first defined at models[0].id, line 4)");
    }

    @Test
    void rejectsADuplicateProviderId() {
        ConfigException e = error("""
                providers:
                  - {id: local, type: sandbox}
                  - {id: local, type: sandbox}
                """);

        assertAt(e, 3, 10, "providers[1].id", "duplicate provider id 'local' (first defined at providers[0].id, line 2)");
    }

    @Test
    void rejectsAModelOfAnUnknownProvider() {
        ConfigException e = error(MODELS.replace("id: local/b\n    provider: local", "id: local/b\n    provider: locl"));

        assertAt(e, 10, 15, "models[1].provider", "unknown provider 'locl'; did you mean 'local'?");
    }

    @Test
    void rejectsANegativePrice() {
        ConfigException e = error(MODELS.replace("output: 0.4", "output: -0.2"));

        assertAt(e, 11, 33, "models[1].price.output", "price must not be negative, got -0.2");
    }

    @Test
    void rejectsAnUnknownCapabilityWithASuggestion() {
        ConfigException e = error(MODELS.replace("[tools]\n  - id: local/b", "[tools, visoin]\n  - id: local/b"));

        assertAt(e, 8, 27, "models[0].capabilities[1]", "unknown capability 'visoin'; did you mean 'vision'?");
    }

    @Test
    void rejectsABadUrl() {
        ConfigException e = error("""
                providers:
                  - id: local
                    type: openai
                    base_url: ftp://example.com
                """);

        assertAt(e, 4, 15, "providers[0].base_url",
                "bad URL 'ftp://example.com': expected http://host[:port][/path] or https://...");
    }

    @Test
    void rejectsAnUnknownProviderType() {
        ConfigException e = error("""
                providers:
                  - id: local
                    type: opnai
                    base_url: http://127.0.0.1:9000/v1
                """);

        assertAt(e, 3, 11, "providers[0].type", "unknown provider type 'opnai'; did you mean 'openai'?");
    }

    @Test
    void requiresATypeForAProviderArbiterDoesNotKnow() {
        ConfigException e = error("""
                providers:
                  - id: local
                    base_url: http://127.0.0.1:9000/v1
                """);

        assertAt(e, 2, 5, "providers[0].type", "required key 'type' is missing");
    }

    @Test
    void rejectsADuplicateKeyInOneMapping() {
        ConfigException e = error("""
                server:
                  port: 1
                  port: 2
                """);

        assertAt(e, 3, 3, "server.port", "duplicate key 'port' (first given on line 2)");
    }

    @Test
    void rejectsAnAliasThatAlreadyNamesABuiltInModel() {
        ConfigException e = error(MODELS.replace("[tools]\n  - id: local/b",
                "[tools]\n    aliases: [claude-opus-4-6]\n  - id: local/b"));

        assertAt(e, 9, 15, "models[0].aliases[0]",
                "'claude-opus-4-6' already names model anthropic/claude-opus-4-6; ids and aliases must be unique");
    }

    @Test
    void rejectsABenchmarkWrittenAsAPercentage() {
        ConfigException e = error(MODELS.replace("[tools]\n  - id: local/b",
                "[tools]\n    benchmarks: {osworld: {value: 75}}\n  - id: local/b"));

        assertAt(e, 9, 35, "models[0].benchmarks.osworld.value",
                "a benchmark score is a fraction between 0 and 1 (write 0.808 for 80.8%), got 75.0");
    }

    @Test
    void rejectsAModelIdWithoutAVendorPrefix() {
        ConfigException e = error(MODELS.replace("id: local/a", "id: small"));

        assertAt(e, 4, 9, "models[0].id",
                "model id 'small' must look like vendor/name (e.g. openai/gpt-5.4), without spaces");
    }

    @Test
    void rejectsAnOutOfRangePort() {
        ConfigException e = error("server: {port: 70000}\n");

        assertAt(e, 1, 16, "server.port", "port must be between 0 and 65535 (0 picks a free port), got 70000");
    }

    @Test
    void reportsBrokenYamlWithItsPosition() {
        ConfigException e = error("""
                server:
                  port: [1, 2
                """);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.keyPath()).isEmpty();
        assertThat(e.problem()).startsWith("invalid YAML: ");
        assertThat(e.getMessage()).startsWith(e.file() + ":3:");
    }

    @Test
    void reportsAnUnreadableFile() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("cannot read config " + missing + ": no such file");
    }

    @Test
    void reportsADirectoryGivenAsTheConfigFile() {
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot read config " + dir + ": ");
    }
}
