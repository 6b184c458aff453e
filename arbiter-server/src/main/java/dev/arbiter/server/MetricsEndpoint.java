package dev.arbiter.server;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: the gateway's meters in the Prometheus text exposition format. */
final class MetricsEndpoint {
    private final GatewayMetrics metrics;

    MetricsEndpoint(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    void scrape(ServerRequest req, ServerResponse res) {
        byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        res.header("Content-Type", GatewayMetrics.CONTENT_TYPE);
        res.send(body);
    }
}
