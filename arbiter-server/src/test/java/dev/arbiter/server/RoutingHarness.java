package dev.arbiter.server;

import dev.arbiter.core.catalog.BenchmarkScore;
import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.config.ProviderConfig;
import dev.arbiter.core.config.ProviderType;
import dev.arbiter.core.config.RouteConfig;
import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.config.ServerConfig;
import dev.arbiter.core.reliability.ReliabilityConfig;
import dev.arbiter.core.gateway.Engine;
import dev.arbiter.core.provider.UpstreamSettings;
import dev.arbiter.testing.fake.AnthropicFakeUpstream;
import dev.arbiter.testing.fake.OpenAiFakeUpstream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A gateway that routes: two catalog-like models on two fake upstreams — {@code acme/mini} (cheap, $0.15/$0.60
 * per 1M tokens, weak benchmarks, no vision) on the OpenAI fake and {@code acme/frontier} ($5/$25, strong
 * benchmarks, vision) on the Anthropic fake — the quality profile of {@link TeamProfile} set through
 * {@code routing.quality_profile}, and two routes: {@code careful} (cascade over both) and {@code mini-only}.
 */
final class RoutingHarness implements AutoCloseable {
    final OpenAiFakeUpstream cheap = new OpenAiFakeUpstream();
    final AnthropicFakeUpstream strong = new AnthropicFakeUpstream();
    final ArbiterServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    RoutingHarness() {
        var timeouts = new UpstreamSettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(10));
        List<ProviderConfig> providers = List.of(
                new ProviderConfig("cheap-host", ProviderType.OPENAI,
                        new UpstreamSettings("cheap-host", cheap.baseUrl(), "sk-cheap", Map.of(), timeouts)),
                new ProviderConfig("strong-host", ProviderType.ANTHROPIC,
                        new UpstreamSettings("strong-host", strong.baseUrl(), "sk-strong", Map.of(), timeouts)));
        List<ModelEntry> models = List.of(
                model(TeamProfile.MINI, "cheap-host", "mini-upstream", Price.of(0.15, 0.60),
                        Set.of(Capability.TOOLS, Capability.JSON_SCHEMA), 0.40, 0.55),
                model(TeamProfile.FRONTIER, "strong-host", "frontier-upstream", Price.of(5.0, 25.0),
                        Set.of(Capability.TOOLS, Capability.JSON_SCHEMA, Capability.VISION), 0.80, 0.90));
        List<RouteConfig> routes = List.of(
                new RouteConfig("careful", "cascade", List.of(TeamProfile.MINI, TeamProfile.FRONTIER), null, Map.of(),
                        null, Map.of()),
                new RouteConfig("mini-only", "cheapest-meeting-bar", List.of(TeamProfile.MINI), null, Map.of(), null,
                        Map.of()));
        RoutingConfig routing = new RoutingConfig(0.8, Map.of(), TeamProfile.file(), routes);
        GatewayConfig config = new GatewayConfig(new ServerConfig("127.0.0.1", 0, 256 * 1024), providers, models,
                false, routing, ReliabilityConfig.PASSTHROUGH);
        server = ArbiterServer.start(config.server(), Engine.assemble(config));
    }

    private static ModelEntry model(String id, String provider, String upstream, Price price, Set<Capability> caps,
                                    double sweBench, double gpqa) {
        return new ModelEntry(id, List.of(), provider, upstream, price, 200_000, 8192, caps, "acme", "US",
                Map.of("swe_bench_verified", new BenchmarkScore(sweBench, "test", List.of()),
                        "gpqa_diamond", new BenchmarkScore(gpqa, "test", List.of())));
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl().resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl().resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return HttpCalls.send(client, request);
    }

    @Override
    public void close() {
        server.close();
        cheap.close();
        strong.close();
    }
}
