package dev.arbiter.core.limits;

import static dev.arbiter.core.limits.Budgets.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.arbiter.core.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Threshold crossings and the webhook that reports them. */
class AlertsTest {
    private static final Budget TEAM = new Budget(BudgetRule.Scope.TEAM, "t1", null,
            new BudgetSpec(usd("100"), Period.MONTH), List.of(usd("0.5"), usd("0.8")), null);
    private static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
    private static final BudgetAlert ALERT = new BudgetAlert(TEAM, MAY, usd("0.8"), usd("80.03"),
            Instant.parse("2026-05-17T09:12:44Z"));

    @Test
    void aSettleCrossesEveryThresholdBetweenItsSpendBeforeAndAfter() {
        assertThat(new Settled(TEAM, MAY, usd("40"), usd("85")).crossed()).containsExactly(usd("0.5"), usd("0.8"));
        assertThat(new Settled(TEAM, MAY, usd("49.99"), usd("50.00")).crossed()).containsExactly(usd("0.5"));
        assertThat(new Settled(TEAM, MAY, usd("50.00"), usd("60")).crossed()).isEmpty(); // already crossed before
    }

    @Test
    void theWebhookBodyNamesTheBudgetThresholdAndSpend() {
        JsonNode body = WebhookAlerts.body(ALERT);

        assertThat(body.toString()).isEqualTo("{\"type\":\"budget_threshold\",\"message\":\"team t1's monthly budget"
                + " of $100.00 is 80% spent ($80.03 in the period from 2026-05-01T00:00:00Z)\",\"budget\":{\"scope\":"
                + "\"team\",\"subject\":\"t1\",\"name\":\"team t1\",\"period\":\"month\",\"period_start\":"
                + "\"2026-05-01T00:00:00Z\",\"period_end\":\"2026-06-01T00:00:00Z\",\"limit_usd\":100.00},"
                + "\"threshold\":0.8,\"threshold_usd\":80.00,\"spent_usd\":80.03,\"at\":\"2026-05-17T09:12:44Z\"}");
    }

    @Test
    void anAlertIsPostedToTheWebhook() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            URI hook = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");

            WebhookAlerts.to(hook).thresholdCrossed(ALERT);

            String request = received.poll(10, TimeUnit.SECONDS);
            assertThat(request).startsWith("POST application/json {");
            assertThat(Json.MAPPER.readTree(request.substring(request.indexOf('{'))).path("threshold").asDouble())
                    .isEqualTo(0.8);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableWebhookIsLoggedNotThrown() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI hook = URI.create("http://127.0.0.1:" + closedPort + "/hook");

        assertThatCode(() -> WebhookAlerts.to(hook).thresholdCrossed(ALERT)).doesNotThrowAnyException();
    }
}
