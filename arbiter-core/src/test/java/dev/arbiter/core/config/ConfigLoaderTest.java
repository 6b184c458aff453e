package dev.arbiter.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.catalog.BenchmarkScore;
import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.provider.UpstreamSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final String EXAMPLE = """
            server: {host: 127.0.0.1, port: 8080, max_body_bytes: 16777216}
            providers:
              - id: local
                type: openai                # openai | anthropic | gemini | sandbox
                base_url: http://127.0.0.1:9000/v1
                api_key: ${LOCAL_KEY:-none}   # "none"/empty -> no auth header (null apiKey)
                headers: {X-Extra: v}
                timeouts: {connect_ms: 10000, first_byte_ms: 120000, idle_ms: 60000, total_ms: 600000}
            models:
              - id: local/small
                aliases: [small]
                provider: local
                upstream_model: mock-small
                price: {input: 0.10, output: 0.40, cached_input: 0.05, cache_write: 0.125}   # USD per 1M tokens
                context_window: 128000
                max_output_tokens: 16384
                capabilities: [tools, json_schema, vision]
                vendor: local
                jurisdiction: EU
                benchmarks: {swe_bench_verified: {value: 0.5, source: "own eval"}}
            catalog: {include_builtin: true}
            """;

    @TempDir
    Path dir;

    ConfigFixture fixture() {
        return new ConfigFixture(dir);
    }

    @Test
    void loadsTheIssueExampleConfig() {
        GatewayConfig config = fixture().load(EXAMPLE);

        assertThat(config.server()).isEqualTo(new ServerConfig("127.0.0.1", 8080, 16_777_216L));
        assertThat(config.providers()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("local");
            assertThat(p.type()).isEqualTo(ProviderType.OPENAI);
            UpstreamSettings s = p.settings();
            assertThat(s.providerId()).isEqualTo("local");
            assertThat(s.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9000/v1"));
            assertThat(s.apiKey()).isNull();
            assertThat(s.headers()).isEqualTo(Map.of("X-Extra", "v"));
            assertThat(s.timeouts()).isEqualTo(new UpstreamSettings.Timeouts(Duration.ofSeconds(10),
                    Duration.ofSeconds(120), Duration.ofSeconds(60), Duration.ofMinutes(10)));
        });
        assertThat(config.sandbox()).isFalse();
    }

    @Test
    void readsEveryModelFieldOfTheExample() {
        ModelEntry small = fixture().load(EXAMPLE).models().stream()
                .filter(m -> m.id().equals("local/small")).findFirst().orElseThrow();

        assertThat(small.aliases()).containsExactly("small");
        assertThat(small.provider()).isEqualTo("local");
        assertThat(small.upstreamModel()).isEqualTo("mock-small");
        assertThat(small.price()).isEqualTo(new Price(new BigDecimal("0.10"), new BigDecimal("0.40"),
                new BigDecimal("0.05"), new BigDecimal("0.125")));
        assertThat(small.contextWindow()).isEqualTo(128_000);
        assertThat(small.maxOutputTokens()).isEqualTo(16_384);
        assertThat(small.capabilities()).containsExactlyInAnyOrder(Capability.TOOLS, Capability.JSON_SCHEMA, Capability.VISION);
        assertThat(small.vendor()).isEqualTo("local");
        assertThat(small.jurisdiction()).isEqualTo("EU");
        assertThat(small.benchmarks()).containsEntry("swe_bench_verified", new BenchmarkScore(0.5, "own eval", null));
    }

    @Test
    void mergesConfigModelsAfterTheBuiltInCatalog() {
        GatewayConfig config = fixture().load(EXAMPLE);

        assertThat(config.models()).hasSize(ConfigLoader.builtInCatalog().size() + 1);
        assertThat(config.models().getLast().id()).isEqualTo("local/small");
    }

    @Test
    void configModelReplacesTheBuiltInEntryWithTheSameId() {
        GatewayConfig config = fixture().load("""
                models:
                  - id: openai/gpt-5.4
                    provider: openai
                    price: {input: 1, output: 2}
                    context_window: 1000
                """);

        ModelEntry gpt = config.models().stream().filter(m -> m.id().equals("openai/gpt-5.4")).findFirst().orElseThrow();
        assertThat(config.models()).hasSize(ConfigLoader.builtInCatalog().size());
        assertThat(gpt.price().output()).isEqualByComparingTo("2");
        assertThat(gpt.aliases()).isEmpty();
        assertThat(gpt.upstreamModel()).isEqualTo("gpt-5.4");
        assertThat(gpt.vendor()).isEqualTo("openai");
    }

    @Test
    void leavesTheBuiltInCatalogOutWhenAskedTo() {
        GatewayConfig config = fixture().load(EXAMPLE.replace("include_builtin: true", "include_builtin: false"));

        assertThat(config.models()).extracting(ModelEntry::id).containsExactly("local/small");
    }

    @Test
    void loadsWithNoFileAtAll() {
        GatewayConfig config = ConfigLoader.load(null, Map.of());

        assertThat(config.server()).isEqualTo(ServerConfig.DEFAULTS);
        assertThat(config.providers()).isEmpty();
        assertThat(config.models()).isEqualTo(ConfigLoader.builtInCatalog());
        assertThat(config.sandbox()).isTrue();
    }

    @Test
    void treatsAnEmptyFileAsAllDefaults() {
        GatewayConfig config = fixture().load("# nothing configured yet\n");

        assertThat(config.server()).isEqualTo(ServerConfig.DEFAULTS);
        assertThat(config.sandbox()).isTrue();
    }

    @Test
    void givesKnownProviderIdsTheirDefaultTypeAndBaseUrl() {
        GatewayConfig config = fixture().load("""
                providers:
                  - id: anthropic
                    api_key: ${ANTHROPIC_API_KEY}
                """, Map.of("ANTHROPIC_API_KEY", "sk-ant"));

        assertThat(config.providers()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(ProviderType.ANTHROPIC);
            assertThat(p.settings().baseUrl()).isEqualTo(URI.create("https://api.anthropic.com/v1"));
            assertThat(p.settings().apiKey()).isEqualTo("sk-ant");
        });
    }

    @Test
    void sandboxProvidersNeedNoBaseUrlAndKeepTheSandboxFlag() {
        GatewayConfig config = fixture().load("""
                providers:
                  - {id: sim, type: sandbox}
                """);

        assertThat(config.providers()).singleElement().satisfies(p -> assertThat(p.settings().baseUrl()).isNull());
        assertThat(config.sandbox()).isTrue();
    }

    @Test
    void stripsTheTrailingSlashOfABaseUrl() {
        GatewayConfig config = fixture().load("""
                providers:
                  - {id: local, type: openai, base_url: "http://127.0.0.1:9000/v1/"}
                """);

        assertThat(config.providers().getFirst().settings().baseUrl()).hasToString("http://127.0.0.1:9000/v1");
    }

    @Test
    void acceptsBenchmarkAlternatives() {
        GatewayConfig config = fixture().load("""
                catalog: {include_builtin: false}
                models:
                  - id: openai/x
                    provider: openai
                    price: {input: 1, output: 2}
                    context_window: 1000
                    benchmarks:
                      gpqa_diamond:
                        value: 0.9
                        source: a
                        alternatives: [{value: 0.8, source: b}]
                """);

        assertThat(config.models().getFirst().benchmarks().get("gpqa_diamond").alternatives())
                .containsExactly(new BenchmarkScore.Alternative(0.8, "b"));
        assertThat(config.models().getFirst().capabilities()).isEqualTo(Set.of());
    }
}
