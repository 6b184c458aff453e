package dev.arbiter.server;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.config.ProviderConfig;
import dev.arbiter.core.config.ProviderType;
import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.config.ServerConfig;
import dev.arbiter.core.gateway.Engine;
import dev.arbiter.core.provider.UpstreamSettings;
import dev.arbiter.core.reliability.ReliabilityConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A gateway whose only provider ({@code dead-openai}, model {@code test/gpt}) points at a port nothing listens on;
 * no retries, so the failure is reported as it happened.
 */
final class UnreachableGateway implements AutoCloseable {
    private final ArbiterServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    UnreachableGateway() {
        var timeouts = new UpstreamSettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(10));
        URI dead = URI.create("http://127.0.0.1:" + closedPort() + "/v1");
        ProviderConfig provider = new ProviderConfig("dead-openai", ProviderType.OPENAI,
                new UpstreamSettings("dead-openai", dead, "sk-dead", Map.of(), timeouts));
        ModelEntry model = new ModelEntry("test/gpt", List.of(), "dead-openai", "gpt-upstream", Price.of(1.0, 2.0),
                128_000, 4096, GatewayHarness.ALL, "test", "EU", Map.of());
        GatewayConfig config = new GatewayConfig(new ServerConfig("127.0.0.1", 0, GatewayHarness.MAX_BODY_BYTES),
                List.of(provider), List.of(model), false, RoutingConfig.DEFAULTS,
                ReliabilityConfig.PASSTHROUGH);
        server = ArbiterServer.start(config.server(), Engine.assemble(config));
    }

    /** A port that was free a moment ago: bound, then released, so connecting to it is refused. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpCalls.send(client, request);
    }

    @Override
    public void close() {
        server.close();
    }
}
