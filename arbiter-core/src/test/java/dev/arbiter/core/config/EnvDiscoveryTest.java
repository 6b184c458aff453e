package dev.arbiter.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvDiscoveryTest {
    @TempDir
    Path dir;

    static ProviderConfig provider(GatewayConfig config, String id) {
        return config.providers().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void discoversEveryVendorWhoseKeyIsSet() {
        GatewayConfig config = ConfigLoader.load(null, Map.of(
                "OPENAI_API_KEY", "o", "ANTHROPIC_API_KEY", "a", "GEMINI_API_KEY", "g", "DEEPSEEK_API_KEY", "d",
                "MISTRAL_API_KEY", "m", "XAI_API_KEY", "x", "ZHIPUAI_API_KEY", "z"));

        assertThat(config.providers()).extracting(ProviderConfig::id)
                .containsExactly("openai", "anthropic", "gemini", "deepseek", "mistral", "xai", "glm");
        assertThat(config.providers()).extracting(p -> p.settings().baseUrl().toString()).containsExactly(
                "https://api.openai.com/v1", "https://api.anthropic.com/v1",
                "https://generativelanguage.googleapis.com/v1beta", "https://api.deepseek.com/v1",
                "https://api.mistral.ai/v1", "https://api.x.ai/v1", "https://open.bigmodel.cn/api/paas/v4");
        assertThat(config.providers()).extracting(ProviderConfig::type).containsExactly(
                ProviderType.OPENAI, ProviderType.ANTHROPIC, ProviderType.GEMINI, ProviderType.OPENAI,
                ProviderType.OPENAI, ProviderType.OPENAI, ProviderType.OPENAI);
        assertThat(provider(config, "anthropic").settings().apiKey()).isEqualTo("a");
        assertThat(config.sandbox()).isFalse();
    }

    @Test
    void findsGeminiThroughGoogleApiKeyToo() {
        GatewayConfig config = ConfigLoader.load(null, Map.of("GOOGLE_API_KEY", "g"));

        assertThat(provider(config, "gemini").settings().apiKey()).isEqualTo("g");
    }

    @Test
    void ignoresBlankKeys() {
        GatewayConfig config = ConfigLoader.load(null, Map.of("OPENAI_API_KEY", " "));

        assertThat(config.providers()).isEmpty();
        assertThat(config.sandbox()).isTrue();
    }

    @Test
    void aBaseUrlVariableMovesTheDiscoveredProvider() {
        GatewayConfig config = ConfigLoader.load(null, Map.of(
                "OPENAI_API_KEY", "o", "OPENAI_BASE_URL", "http://127.0.0.1:4000/v1/",
                "DEEPSEEK_API_KEY", "d", "DEEPSEEK_BASE_URL", "https://proxy.example/deepseek/v1"));

        assertThat(provider(config, "openai").settings().baseUrl()).hasToString("http://127.0.0.1:4000/v1");
        assertThat(provider(config, "deepseek").settings().baseUrl()).hasToString("https://proxy.example/deepseek/v1");
    }

    @Test
    void anAnthropicBaseUrlWithoutPathGetsTheVersionPathTheSdksLeaveOut() {
        GatewayConfig config = ConfigLoader.load(null, Map.of(
                "ANTHROPIC_API_KEY", "a", "ANTHROPIC_BASE_URL", "http://127.0.0.1:4000"));

        assertThat(provider(config, "anthropic").settings().baseUrl()).hasToString("http://127.0.0.1:4000/v1");
    }

    @Test
    void aBadBaseUrlVariableIsAnErrorNamingTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("OPENAI_API_KEY", "o", "OPENAI_BASE_URL", "localhost")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment: OPENAI_BASE_URL: bad URL 'localhost': "
                        + "expected http://host[:port][/path] or https://...");
    }

    @Test
    void aConfiguredProviderWinsOverTheEnvironment() {
        GatewayConfig config = new ConfigFixture(dir).load("""
                providers:
                  - {id: openai, type: openai, base_url: "http://127.0.0.1:9000/v1", api_key: from-config}
                """, Map.of("OPENAI_API_KEY", "from-env"));

        assertThat(config.providers()).singleElement().satisfies(p -> {
            assertThat(p.settings().apiKey()).isEqualTo("from-config");
            assertThat(p.settings().baseUrl()).hasToString("http://127.0.0.1:9000/v1");
        });
    }

    @Test
    void ollamaHostBecomesAnOpenAiCompatibleProviderWithoutKey() {
        GatewayConfig config = ConfigLoader.load(null, Map.of("OLLAMA_HOST", "127.0.0.1:11434"));

        ProviderConfig ollama = provider(config, "ollama");
        assertThat(ollama.type()).isEqualTo(ProviderType.OPENAI);
        assertThat(ollama.settings().baseUrl()).hasToString("http://127.0.0.1:11434/v1");
        assertThat(ollama.settings().apiKey()).isNull();
        assertThat(config.sandbox()).isFalse();
    }

    @Test
    void ollamaHostGetsSchemeAndDefaultPortWhenMissing() {
        assertThat(EnvDiscovery.ollamaBase("gpu-box")).isEqualTo("http://gpu-box:11434/v1");
        assertThat(EnvDiscovery.ollamaBase("0.0.0.0:8080")).isEqualTo("http://0.0.0.0:8080/v1");
        assertThat(EnvDiscovery.ollamaBase("[::1]")).isEqualTo("http://[::1]:11434/v1");
        assertThat(EnvDiscovery.ollamaBase("https://ollama.example.com/")).isEqualTo("https://ollama.example.com/v1");
        assertThat(EnvDiscovery.ollamaBase("http://10.0.0.5:11434")).isEqualTo("http://10.0.0.5:11434/v1");
    }

    @Test
    void ollamaModelsAreNotInTheBuiltInCatalog() {
        GatewayConfig config = ConfigLoader.load(null, Map.of("OLLAMA_HOST", "localhost"));

        assertThat(config.models()).noneMatch(m -> m.provider().equals("ollama"));
    }

    @Test
    void configModelsMayReferToTheOllamaProvider() {
        GatewayConfig config = new ConfigFixture(dir).load("""
                models:
                  - {id: ollama/llama3.2, provider: ollama, upstream_model: "llama3.2:3b",
                     price: {input: 0, output: 0}, context_window: 131072}
                """, Map.of("OLLAMA_HOST", "localhost"));

        assertThat(config.models().getLast().upstreamModel()).isEqualTo("llama3.2:3b");
    }

    @Test
    void isSandboxWhenOnlySandboxProvidersAreConfigured() {
        GatewayConfig config = new ConfigFixture(dir).load("providers: [{id: sim, type: sandbox}]\n");

        assertThat(config.sandbox()).isTrue();
    }

    @Test
    void isNotSandboxWhenTheEnvironmentAddsARealProvider() {
        GatewayConfig config = new ConfigFixture(dir).load("providers: [{id: sim, type: sandbox}]\n",
                Map.of("MISTRAL_API_KEY", "m"));

        assertThat(config.sandbox()).isFalse();
    }
}
