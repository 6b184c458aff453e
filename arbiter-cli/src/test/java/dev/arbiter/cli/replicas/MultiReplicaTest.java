package dev.arbiter.cli.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;
import dev.arbiter.testing.fake.OpenAiFakeUpstream;
import dev.arbiter.testing.fake.ScriptedReply;
import dev.arbiter.testing.services.RealServices;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three gateway processes sharing one Redis and one PostgreSQL, under concurrent load against a team budget (team
 * t1) and a team rate limit (team t2), with one replica stopped mid-load. Every answer costs at most its estimate
 * here, so the budget may not be exceeded at all; the rate limit must hold across the replicas; and every request
 * a client got an answer to must be in the ledger.
 */
class MultiReplicaTest {
    private static final String ADMIN_KEY = "replica-test-admin-key-0123456789";
    private static final BigDecimal BUDGET_USD = new BigDecimal("0.02");
    private static final int RPM = 20;
    private static final int THREADS = 12;
    private static final int ROUNDS_PER_THREAD = 30;
    // 5 input tokens at $1/M plus 400 output tokens at $2/M; the estimate (prompt tokens + max_tokens 400) is larger.
    private static final Usage USAGE = Usage.of(5, 400);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void threeReplicasShareOneBudgetAndOneRateLimitAndLoseNoAnsweredLedgerRow() throws Exception {
        String postgres = RealServices.postgresUrl();
        String redis = RealServices.redisUrl();
        String schema = "replicas_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sql(postgres, "CREATE SCHEMA " + schema);
        try (OpenAiFakeUpstream upstream = new OpenAiFakeUpstream()) {
            upstream.recording(false).setDefault(ScriptedReply.text("ok", USAGE)
                    .withTiming(new ScriptedReply.Timing(Duration.ofMillis(20), Duration.ZERO, 1)));
            Path config = writeConfig(upstream.baseUrl(), postgres, schema, redis);
            List<Replica> replicas = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    replicas.add(Replica.start(config));
                }
                String budgetKey = createKey(replicas.getFirst(), "t1");
                String rateKey = createKey(replicas.get(1), "t2");
                Load load = runLoad(replicas, budgetKey, rateKey);
                replicas.get(0).stop();
                replicas.get(1).stop();
                check(load, postgres, schema);
            } finally {
                replicas.forEach(Replica::close);
                sql(postgres, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** What the clients saw: one entry per request that got an HTTP answer. */
    private record Answer(String team, int replica, int status, String code, String requestId) {
    }

    private record Load(List<Answer> answers, int unanswered, long millis) {
    }

    private Load runLoad(List<Replica> replicas, String budgetKey, String rateKey) throws InterruptedException {
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        int killAt = THREADS * ROUNDS_PER_THREAD; // half of all requests (two per round)
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int replica = t % replicas.size();
                pool.submit(() -> {
                    for (int round = 0; round < ROUNDS_PER_THREAD; round++) {
                        for (String[] who : new String[][] {{"t1", budgetKey}, {"t2", rateKey}}) {
                            if (sent.incrementAndGet() == killAt) {
                                stopQuietly(replicas.get(2));
                            }
                            Answer a = chat(replicas.get(replica), replica, who[0], who[1]);
                            if (a == null) {
                                unanswered.incrementAndGet();
                            } else {
                                answers.add(a);
                            }
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).as("the load finished").isTrue();
        }
        return new Load(List.copyOf(answers), unanswered.get(), (System.nanoTime() - start) / 1_000_000);
    }

    private void check(Load load, String postgres, String schema) throws SQLException {
        List<Answer> t1 = load.answers().stream().filter(a -> a.team().equals("t1")).toList();
        List<Answer> t2 = load.answers().stream().filter(a -> a.team().equals("t2")).toList();
        long t1Served = t1.stream().filter(a -> a.status() == 200).count();
        long t1Refused = t1.stream().filter(a -> "budget_exceeded".equals(a.code())).count();
        long t2Served = t2.stream().filter(a -> a.status() == 200).count();
        long t2Limited = t2.stream().filter(a -> a.status() == 429).count();
        assertThat(load.answers()).as("no request found the shared limits unavailable")
                .noneMatch(a -> "gateway_limits_unavailable".equals(a.code()) || a.status() == 503);
        System.out.printf("multi-replica load: %d ms; t1 served %d, refused (budget) %d; t2 served %d, limited %d;"
                + " unanswered (stopped replica) %d%n", load.millis(), t1Served, t1Refused, t2Served, t2Limited,
                load.unanswered());
        assertThat(t1Served).as("team t1 was served until its budget ran out").isPositive();
        assertThat(t1Refused).as("then refused with budget_exceeded").isPositive();
        assertThat(t2Limited).as("team t2 met its rate limit").isPositive();
        // GCRA: a minute's worth at once, then one every 60/RPM seconds, counted across all replicas together.
        long allowed = RPM + load.millis() * RPM / 60_000 + 1;
        assertThat(t2Served).as("team t2's requests served across the three replicas").isLessThanOrEqualTo(allowed);
        assertThat(load.unanswered()).as("requests to the stopped replica went unanswered").isPositive();

        try (Connection c = DriverManager.getConnection(postgres)) {
            BigDecimal spent = one(c, "SELECT COALESCE(SUM(cost_usd), 0) FROM " + schema
                    + ".ledger_requests WHERE team_name = 't1'").getBigDecimal(1);
            assertThat(spent).as("team t1's spend in the ledger").isLessThanOrEqualTo(BUDGET_USD);
            assertThat(spent).isEqualByComparingTo(new BigDecimal("0.000805").multiply(BigDecimal.valueOf(t1Served)));

            Set<String> rows = new HashSet<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT request_id FROM " + schema + ".ledger_requests")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            Set<String> answered = new HashSet<>();
            load.answers().forEach(a -> answered.add(a.requestId()));
            assertThat(answered).as("every answered request has its ledger row").isSubsetOf(rows);
            System.out.printf("ledger: %d rows, %d answered requests, team t1 spent %s of %s%n", rows.size(),
                    answered.size(), spent.toPlainString(), BUDGET_USD.toPlainString());
            assertThat(rows.size()).as("no row for a request nobody sent")
                    .isLessThanOrEqualTo(load.answers().size() + load.unanswered());
        }
    }

    private Answer chat(Replica replica, int index, String team, String key) {
        String body = "{\"model\":\"up/m\",\"max_tokens\":400,\"messages\":[{\"role\":\"user\",\"content\":\"Say ok.\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String code = null;
            if (response.statusCode() != 200) {
                JsonNode error = Json.MAPPER.readTree(response.body()).path("error");
                code = error.path("code").asText(null);
            }
            String id = response.headers().firstValue("x-arbiter-request-id").orElseThrow();
            return new Answer(team, index, response.statusCode(), code, id);
        } catch (IOException e) {
            return null; // the replica was stopped: no answer, so nothing was acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private String createKey(Replica replica, String team) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/admin/keys"))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"u-" + team + "\",\"team\":\"" + team + "\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.MAPPER.readTree(response.body()).path("key").asText();
    }

    private Path writeConfig(URI upstream, String postgres, String schema, String redis) throws IOException {
        String pgUrl = postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        String yaml = """
                providers:
                  - {id: up, type: openai, base_url: "%s", api_key: none}
                catalog: {include_builtin: false}
                models:
                  - {id: up/m, provider: up, upstream_model: m, price: {input: 1.0, output: 2.0}, context_window: 128000}
                auth: {admin_key: "%s", key_cache_ms: 1000}
                storage: {url: "%s"}
                ledger: {flush_interval_ms: 200}
                redis: {url: "%s", key_prefix: "%s:", on_unavailable: fail_closed}
                budgets:
                  - {scope: team, subject: t1, usd: %s, period: day}
                rate_limits:
                  - {scope: team, subject: t2, rpm: %d}
                """.formatted(upstream, ADMIN_KEY, pgUrl, redis, schema, BUDGET_USD.toPlainString(), RPM);
        Path file = dir.resolve("replicas.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static void stopQuietly(Replica replica) {
        try {
            replica.stop();
        } catch (Exception e) {
            replica.close();
        }
    }

    private static ResultSet one(Connection c, String query) throws SQLException {
        ResultSet rs = c.createStatement().executeQuery(query);
        assertThat(rs.next()).isTrue();
        return rs;
    }

    private static void sql(String url, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
