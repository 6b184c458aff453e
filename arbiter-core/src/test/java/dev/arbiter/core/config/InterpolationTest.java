package dev.arbiter.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpolationTest {
    @TempDir
    Path dir;

    ConfigFixture fixture() {
        return new ConfigFixture(dir);
    }

    static final String PROVIDER = """
            providers:
              - id: local
                type: openai
                base_url: ${LOCAL_URL:-http://127.0.0.1:9000/v1}
                api_key: ${LOCAL_KEY}
                headers: {Authorization-Extra: "Bearer ${TOKEN:-anon}", X-Literal: "$${NOT_A_VAR}"}
            server:
              port: ${PORT:-9090}
            """;

    @Test
    void substitutesSetVariablesAndDefaultsForUnsetOnes() {
        GatewayConfig config = fixture().load(PROVIDER, Map.of("LOCAL_KEY", "sk-local", "TOKEN", "t0k"));

        var settings = config.providers().getFirst().settings();
        assertThat(settings.baseUrl()).hasToString("http://127.0.0.1:9000/v1");
        assertThat(settings.apiKey()).isEqualTo("sk-local");
        assertThat(settings.headers()).containsEntry("Authorization-Extra", "Bearer t0k");
        assertThat(config.server().port()).isEqualTo(9090);
    }

    @Test
    void usesTheVariableOverTheDefaultWhenSet() {
        GatewayConfig config = fixture().load(PROVIDER,
                Map.of("LOCAL_KEY", "k", "LOCAL_URL", "http://gpu:8000/v1", "PORT", "7000"));

        assertThat(config.providers().getFirst().settings().baseUrl()).hasToString("http://gpu:8000/v1");
        assertThat(config.server().port()).isEqualTo(7000);
    }

    @Test
    void usesTheDefaultWhenTheVariableIsEmptyAsTheShellDoes() {
        GatewayConfig config = fixture().load(PROVIDER, Map.of("LOCAL_KEY", "k", "PORT", ""));

        assertThat(config.server().port()).isEqualTo(9090);
    }

    @Test
    void writesALiteralDollarBraceForADoubledDollar() {
        GatewayConfig config = fixture().load(PROVIDER, Map.of("LOCAL_KEY", "k"));

        assertThat(config.providers().getFirst().settings().headers()).containsEntry("X-Literal", "${NOT_A_VAR}");
    }

    @Test
    void anUnsetVariableWithoutDefaultNamesTheVariableAndTheKey() {
        ConfigException e = fixture().error(PROVIDER);

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(14);
        assertThat(e.keyPath()).isEqualTo("providers[0].api_key");
        assertThat(e.problem()).isEqualTo(
                "environment variable LOCAL_KEY is not set and has no default (write ${LOCAL_KEY:-default} to give one)");
    }

    @Test
    void anEmptyDefaultMeansNoApiKey() {
        GatewayConfig config = fixture().load(PROVIDER.replace("${LOCAL_KEY}", "${LOCAL_KEY:-}"));

        assertThat(config.providers().getFirst().settings().apiKey()).isNull();
    }

    @Test
    void aSubstitutedValueIsStillTypeChecked() {
        ConfigException e = fixture().error(PROVIDER, Map.of("LOCAL_KEY", "k", "PORT", "eighty"));

        assertThat(e.keyPath()).isEqualTo("server.port");
        assertThat(e.problem()).isEqualTo("expected an integer, got 'eighty'");
    }

    @Test
    void rejectsAMalformedReference() {
        ConfigException e = fixture().error("server: {host: \"${1BAD}\"}\n");

        assertThat(e.keyPath()).isEqualTo("server.host");
        assertThat(e.problem()).isEqualTo("'${1BAD}' is not a variable reference; expected ${NAME} or ${NAME:-default}");
    }

    @Test
    void rejectsAnUnterminatedReference() {
        ConfigException e = fixture().error("server: {host: \"${HOST\"}\n");

        assertThat(e.problem()).startsWith("unterminated '${'");
    }
}
