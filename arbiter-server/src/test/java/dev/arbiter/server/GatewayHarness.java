package dev.arbiter.server;

import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.config.ConfigLoader;
import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.config.ProviderConfig;
import dev.arbiter.core.config.ProviderType;
import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.config.ServerConfig;
import dev.arbiter.core.gateway.Engine;
import dev.arbiter.core.provider.UpstreamSettings;
import dev.arbiter.core.reliability.ReliabilityConfig;
import dev.arbiter.testing.fake.AnthropicFakeUpstream;
import dev.arbiter.testing.fake.FakeUpstream;
import dev.arbiter.testing.fake.GeminiFakeUpstream;
import dev.arbiter.testing.fake.OpenAiFakeUpstream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A running gateway on 127.0.0.1 in front of three fake upstreams (OpenAI, Anthropic and Gemini wire formats),
 * with one test model per upstream plus a text-only model, and a plain HTTP client to call it.
 * Models: {@code test/gpt} (OpenAI fake), {@code test/claude} (Anthropic fake), {@code test/gemini} (Gemini fake),
 * all with tools, JSON schema, vision and reasoning; {@code test/text-only} (OpenAI fake) with no capabilities.
 */
final class GatewayHarness implements AutoCloseable {
    static final long MAX_BODY_BYTES = 256 * 1024;
    static final Set<Capability> ALL = Set.of(Capability.TOOLS, Capability.JSON_OBJECT, Capability.JSON_SCHEMA, Capability.VISION,
            Capability.REASONING);

    final OpenAiFakeUpstream openai = new OpenAiFakeUpstream();
    final AnthropicFakeUpstream anthropic = new AnthropicFakeUpstream();
    final GeminiFakeUpstream gemini = new GeminiFakeUpstream();
    final ArbiterServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** No retries, breakers or fallbacks: the translation and error tests see each upstream reply as it was sent. */
    GatewayHarness() {
        this(ReliabilityConfig.PASSTHROUGH);
    }

    GatewayHarness(ReliabilityConfig reliability) {
        var timeouts = new UpstreamSettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(10));
        List<ProviderConfig> providers = List.of(
                provider("fake-openai", ProviderType.OPENAI, openai, timeouts),
                provider("fake-anthropic", ProviderType.ANTHROPIC, anthropic, timeouts),
                provider("fake-gemini", ProviderType.GEMINI, gemini, timeouts));
        List<ModelEntry> models = List.of(
                model("test/gpt", "fake-openai", "gpt-upstream", ALL),
                model("test/claude", "fake-anthropic", "claude-upstream", ALL),
                model("test/gemini", "fake-gemini", "gemini-upstream", ALL),
                model("test/text-only", "fake-openai", "text-upstream", Set.of()));
        GatewayConfig config = new GatewayConfig(new ServerConfig("127.0.0.1", 0, MAX_BODY_BYTES), providers, models, false,
                RoutingConfig.DEFAULTS, reliability);
        server = ArbiterServer.start(config.server(), Engine.assemble(config));
    }

    /** A gateway on its embedded defaults with no keys: sandbox mode, pacing skipped. */
    static ArbiterServer sandbox() {
        GatewayConfig config = ConfigLoader.load(null, Map.of());
        return ArbiterServer.start(config.server().withPort(0), Engine.assemble(config, pause -> { }));
    }

    private static ProviderConfig provider(String id, ProviderType type, FakeUpstream fake, UpstreamSettings.Timeouts timeouts) {
        return new ProviderConfig(id, type, new UpstreamSettings(id, fake.baseUrl(), "sk-" + id, Map.of(), timeouts));
    }

    private static ModelEntry model(String id, String provider, String upstream, Set<Capability> capabilities) {
        return new ModelEntry(id, List.of(), provider, upstream, Price.of(1.0, 2.0), 128_000, 4096, capabilities,
                "test", "EU", Map.of());
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(baseUrl().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(baseUrl().resolve(path)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        return HttpCalls.send(client, request);
    }

    @Override
    public void close() {
        server.close();
        openai.close();
        anthropic.close();
        gemini.close();
    }
}
