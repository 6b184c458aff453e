package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.config.ConfigLoader;
import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.config.ServerConfig;
import dev.arbiter.core.gateway.Engine;
import dev.arbiter.core.reliability.BreakerSettings;
import dev.arbiter.core.reliability.ReliabilityConfig;
import dev.arbiter.core.tenancy.Authenticator;
import dev.arbiter.core.tenancy.InMemoryKeyStore;
import dev.arbiter.testing.fake.ScriptedReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} after real requests through the gateway to the fake upstreams. */
class MetricsEndpointTest {
    private GatewayHarness gw = new GatewayHarness();

    @AfterEach
    void stop() {
        gw.close();
    }

    private PromText scrape() {
        HttpResponse<String> res = gw.get("/metrics");
        assertThat(res.statusCode()).isEqualTo(200);
        return new PromText(res.body());
    }

    @Test
    void servesPrometheusTextFormatVersion004() {
        HttpResponse<String> res = gw.get("/metrics");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(res.body()).contains("# TYPE arbiter_breaker_state gauge");
    }

    @Test
    void countsAnsweredRequestsWithTheirApiModelRouteAndOutcome() {
        gw.anthropic.enqueue(ScriptedReply.text("Bonjour", Usage.of(1000, 20)));
        gw.openai.enqueue(ScriptedReply.text("Hello", Usage.of(10, 5)));

        assertThat(gw.post(ChatBodies.CHAT, ChatBodies.chatWith("test/claude", "")).statusCode()).isEqualTo(200);
        assertThat(gw.post(ChatBodies.MESSAGES, ChatBodies.messagesWith("test/gpt", "")).statusCode()).isEqualTo(200);

        PromText metrics = scrape();
        assertThat(metrics.valueOrZero("arbiter_requests_total", Map.of("api", "openai", "model", "test/claude",
                "route", "direct", "status", "2xx", "outcome", "ok", "stream", "no"))).isEqualTo(1);
        assertThat(metrics.valueOrZero("arbiter_requests_total", Map.of("api", "anthropic", "model", "test/gpt",
                "outcome", "ok"))).isEqualTo(1);
        assertThat(metrics.valueOrZero("arbiter_request_duration_seconds_count", Map.of("model", "test/claude")))
                .isEqualTo(1);
        assertThat(metrics.valueOrZero("arbiter_upstream_attempts_total", Map.of("model", "test/claude",
                "provider", "fake-anthropic", "outcome", "ok"))).isEqualTo(1);
    }

    @Test
    void countsTokensAndCostByModel() {
        gw.anthropic.enqueue(ScriptedReply.text("Bonjour", Usage.of(1000, 20)));

        gw.post(ChatBodies.CHAT, ChatBodies.chatWith("test/claude", ""));

        PromText metrics = scrape();
        assertThat(metrics.valueOrZero("gen_ai_client_token_usage_total", Map.of("model", "test/claude",
                "token_type", "input"))).isEqualTo(1000);
        assertThat(metrics.valueOrZero("gen_ai_client_token_usage_total", Map.of("model", "test/claude",
                "token_type", "output"))).isEqualTo(20);
        // price 1.0 in / 2.0 out per 1M tokens: 1000 * 1 + 20 * 2 = 1040 micro-dollars
        assertThat(metrics.valueOrZero("arbiter_cost_usd_total", Map.of("model", "test/claude")))
                .isCloseTo(0.00104, within(1e-9));
    }

    @Test
    void countsAStreamAtItsEndWithTheUsageItReported() {
        gw.openai.enqueue(ScriptedReply.text("Once upon a time", Usage.of(12, 7)));

        HttpResponse<String> res = gw.post(ChatBodies.CHAT, ChatBodies.chatWith("test/gpt",
                "\"stream\":true,\"stream_options\":{\"include_usage\":true}"));
        assertThat(res.statusCode()).isEqualTo(200);

        PromText metrics = scrape();
        assertThat(metrics.valueOrZero("arbiter_requests_total", Map.of("model", "test/gpt", "stream", "yes",
                "outcome", "ok", "status", "2xx"))).isEqualTo(1);
        assertThat(metrics.valueOrZero("gen_ai_client_token_usage_total", Map.of("model", "test/gpt",
                "token_type", "output"))).isEqualTo(7);
    }

    @Test
    void anUnknownModelIsCountedWithoutTheCallersText() {
        HttpResponse<String> res = gw.post(ChatBodies.CHAT, ChatBodies.chatWith("my-secret-model-name-42", ""));
        assertThat(res.statusCode()).isEqualTo(404);

        HttpResponse<String> scrape = gw.get("/metrics");
        assertThat(scrape.body()).doesNotContain("my-secret-model-name-42");
        assertThat(new PromText(scrape.body()).valueOrZero("arbiter_requests_total", Map.of("model", "unknown",
                "route", "unknown", "status", "4xx", "outcome", "caller_error"))).isEqualTo(1);
    }

    @Test
    void providerFailuresAreCountedAsProviderErrorsWithTheAttemptsOutcome() {
        gw.openai.enqueue(ScriptedReply.error(500, "boom"));

        assertThat(gw.post(ChatBodies.CHAT, ChatBodies.chatWith("test/gpt", "")).statusCode()).isEqualTo(502);

        PromText metrics = scrape();
        assertThat(metrics.valueOrZero("arbiter_requests_total", Map.of("model", "test/gpt", "status", "5xx",
                "outcome", "provider_error"))).isEqualTo(1);
        assertThat(metrics.valueOrZero("arbiter_upstream_attempts_total", Map.of("model", "test/gpt",
                "provider", "fake-openai", "outcome", "provider_error"))).isEqualTo(1);
    }

    @Test
    void everyDeploymentHasAClosedBreakerGaugeBeforeItsFirstCall() {
        PromText metrics = scrape();

        assertThat(metrics.value("arbiter_breaker_state", Map.of("deployment", "fake-openai/gpt-upstream")))
                .hasValue(0);
        assertThat(metrics.value("arbiter_deployment_in_flight", Map.of("deployment", "fake-gemini/gemini-upstream")))
                .hasValue(0);
    }

    @Test
    void theBreakerGaugeShowsAnOpenCircuitAfterFailures() {
        gw.close();
        BreakerSettings trigger = new BreakerSettings(true, 2, 2, 0.5, Duration.ofSeconds(30), 0.8,
                Duration.ofMinutes(5), 1);
        gw = new GatewayHarness(ReliabilityConfig.PASSTHROUGH.withBreaker(trigger));
        gw.openai.enqueue(ScriptedReply.error(500, "boom"), ScriptedReply.error(500, "boom"));

        gw.post(ChatBodies.CHAT, ChatBodies.chatWith("test/gpt", ""));
        gw.post(ChatBodies.CHAT, ChatBodies.chatWith("test/gpt", ""));

        PromText metrics = scrape();
        assertThat(metrics.value("arbiter_breaker_state", Map.of("deployment", "fake-openai/gpt-upstream")))
                .hasValue(2);
        assertThat(metrics.value("arbiter_breaker_opened_total", Map.of("deployment", "fake-openai/gpt-upstream")))
                .hasValue(1);
        assertThat(metrics.value("arbiter_breaker_state", Map.of("deployment", "fake-anthropic/claude-upstream")))
                .hasValue(0);
    }

    @Test
    void aRoutedRequestCountsItsRoutingDecision() {
        gw.openai.setDefault(ScriptedReply.text("ok", Usage.of(5, 5)));
        gw.anthropic.setDefault(ScriptedReply.text("ok", Usage.of(5, 5)));
        gw.gemini.setDefault(ScriptedReply.text("ok", Usage.of(5, 5)));

        assertThat(gw.post(ChatBodies.CHAT, ChatBodies.chatWith("auto", "")).statusCode()).isEqualTo(200);

        String text = gw.get("/metrics").body();
        assertThat(text).containsPattern("arbiter_route_decisions_total\\{[^}]*route=\"auto\"[^}]*} 1");
        assertThat(new PromText(text).valueOrZero("arbiter_requests_total", Map.of("route", "auto", "outcome", "ok")))
                .isEqualTo(1);
    }

    @Test
    void histogramBucketsArePublishedOnlyWhenTurnedOn() throws Exception {
        gw.openai.enqueue(ScriptedReply.text("Hello", Usage.of(10, 5)));
        gw.post(ChatBodies.CHAT, ChatBodies.chatWith("test/gpt", ""));
        assertThat(gw.get("/metrics").body()).doesNotContain("arbiter_request_duration_seconds_bucket");

        GatewayConfig defaults = ConfigLoader.load(null, Map.of());
        ServerConfig histograms = new ServerConfig("127.0.0.1", 0, 1 << 20, true, true);
        try (ArbiterServer server = ArbiterServer.start(histograms, Engine.assemble(defaults, pause -> { }));
             HttpClient http = HttpClient.newHttpClient()) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            http.send(HttpRequest.newBuilder(base.resolve(ChatBodies.CHAT)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ChatBodies.chatWith("nope/none", ""))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            assertThat(text).containsPattern("arbiter_request_duration_seconds_bucket\\{[^}]*le=\"1\\.0\"");
            assertThat(text).containsPattern("arbiter_request_duration_seconds_bucket\\{[^}]*le=\"120\\.0\"");
        }
    }

    @Test
    void metricsCanBeTurnedOff() throws Exception {
        GatewayConfig defaults = ConfigLoader.load(null, Map.of());
        ServerConfig off = new ServerConfig("127.0.0.1", 0, 1 << 20, false, false);
        try (ArbiterServer server = ArbiterServer.start(off, Engine.assemble(defaults, pause -> { }));
             HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(res.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void withMetricsAuthTheScrapeNeedsTheAdminKey() throws Exception {
        GatewayConfig defaults = ConfigLoader.load(null, Map.of());
        ServerConfig guarded = new ServerConfig("127.0.0.1", 0, 1 << 20, true, false,
                ServerConfig.DEFAULT_SHUTDOWN_GRACE, true);
        InMemoryKeyStore keys = new InMemoryKeyStore();
        AdminApi admin = AdminApi.create(keys, new Authenticator(keys, Duration.ofMinutes(1)),
                new AdminHarness.ScriptedCosts(), AdminHarness.ADMIN_KEY);
        try (ArbiterServer server = ArbiterServer.start(guarded, Engine.assemble(defaults, pause -> { }), admin);
             HttpClient http = HttpClient.newHttpClient()) {
            URI metrics = URI.create("http://127.0.0.1:" + server.port() + "/metrics");

            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(metrics).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> wrongKey = http.send(HttpRequest.newBuilder(metrics)
                    .header("Authorization", "Bearer not-the-admin-key").build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> admitted = http.send(HttpRequest.newBuilder(metrics)
                    .header("Authorization", "Bearer " + AdminHarness.ADMIN_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).contains("\"type\":\"caller_unauthorized\"").contains("missing_admin_key");
            assertThat(wrongKey.statusCode()).isEqualTo(401);
            assertThat(admitted.statusCode()).isEqualTo(200);
            assertThat(admitted.headers().firstValue("Content-Type")).hasValue(GatewayMetrics.CONTENT_TYPE);
            assertThat(admitted.body()).contains("# TYPE");
        }
    }

    @Test
    void metricsAuthWithoutAnAdminKeyIsRefusedAtStartSayingWhatToSet() {
        GatewayConfig defaults = ConfigLoader.load(null, Map.of());
        ServerConfig guarded = new ServerConfig("127.0.0.1", 0, 1 << 20, true, false,
                ServerConfig.DEFAULT_SHUTDOWN_GRACE, true);

        assertThatThrownBy(() -> ArbiterServer.start(guarded, Engine.assemble(defaults, pause -> { })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("server.metrics_auth").hasMessageContaining("ARBITER_ADMIN_KEY");
    }
}
