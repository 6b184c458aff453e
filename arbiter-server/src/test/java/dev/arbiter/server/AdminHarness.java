package dev.arbiter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.config.ConfigLoader;
import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.gateway.Engine;
import dev.arbiter.core.gateway.TenancyServices;
import dev.arbiter.core.router.RouterServices;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.ledger.CostQuery;
import dev.arbiter.core.ledger.CostReport;
import dev.arbiter.core.ledger.CostTotals;
import dev.arbiter.core.ledger.GroupBy;
import dev.arbiter.core.tenancy.Authenticator;
import dev.arbiter.core.tenancy.InMemoryKeyStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A sandbox gateway on 127.0.0.1 serving the admin API over an in-memory key store, a scripted cost query and a
 * fixed clock (2026-05-20T12:00:00Z), with a plain HTTP client that sends the admin key unless told otherwise.
 */
final class AdminHarness implements AutoCloseable {
    static final String ADMIN_KEY = "admin-test-0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");

    final InMemoryKeyStore keys = new InMemoryKeyStore();
    final Authenticator authenticator = new Authenticator(keys, Duration.ofMinutes(10));
    final ScriptedCosts costs = new ScriptedCosts();
    final ArbiterServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    AdminHarness() {
        this(harness -> new AdminApi(harness.keys, harness.authenticator, harness.costs, ADMIN_KEY,
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    AdminHarness(Function<AdminHarness, AdminApi> admin) {
        GatewayConfig config = ConfigLoader.load(null, Map.of());
        // The chat endpoints check virtual keys with the same authenticator the admin API revokes through.
        Engine engine = Engine.assemble(config, pause -> { }, RouterServices.defaults(),
                TenancyServices.inMemory().withAuthenticator(authenticator));
        server = ArbiterServer.start(config.server().withPort(0), engine, admin.apply(this));
    }

    /** The response, with its body as sent and parsed as JSON. */
    record Reply(int status, Map<String, List<String>> headers, String body, JsonNode json) {
        String header(String name) {
            return headers.getOrDefault(name, List.of()).stream().findFirst().orElse(null);
        }

        /** The error body's {@code error} object. */
        JsonNode error() {
            return json.path("error");
        }
    }

    Reply post(String path, String body) {
        return send(request(path, ADMIN_KEY).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST with {@code bearer} as the key (null: no Authorization header). */
    Reply postAs(String path, String body, String bearer) {
        return send(request(path, bearer).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST with one extra header and no Authorization header. */
    Reply postWithHeader(String path, String body, String header, String value) {
        return send(request(path, null).header(header, value).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply get(String path) {
        return get(path, ADMIN_KEY);
    }

    Reply get(String path, String bearer) {
        return send(request(path, bearer).GET());
    }

    Reply delete(String path) {
        return send(request(path, ADMIN_KEY).DELETE());
    }

    Reply send(String method, String path, String bearer) {
        return send(request(path, bearer).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json");
        return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
    }

    private Reply send(HttpRequest.Builder request) {
        HttpResponse<String> res = HttpCalls.send(client, request.build());
        return new Reply(res.statusCode(), res.headers().map(), res.body(), Json.parse(res.body()));
    }

    @Override
    public void close() {
        server.close();
    }

    /** A cost query that answers a scripted report and remembers what it was asked; can be made to fail. */
    static final class ScriptedCosts implements CostQuery {
        volatile GroupBy by;
        volatile Instant from;
        volatile Instant to;
        volatile CostReport answer;
        volatile boolean down;

        @Override
        public CostReport costs(GroupBy groupBy, Instant start, Instant end) {
            if (down) {
                throw new IllegalStateException("database is down");
            }
            by = groupBy;
            from = start;
            to = end;
            return answer != null ? answer : new CostReport(groupBy, start, end, CostTotals.EMPTY, List.of());
        }

        @Override
        public List<DailySpend> daily(GroupBy groupBy, Instant start, Instant end) {
            return List.of();
        }

        @Override
        public BigDecimal spend(GroupBy groupBy, String subject, Instant start) {
            return BigDecimal.ZERO;
        }
    }
}
