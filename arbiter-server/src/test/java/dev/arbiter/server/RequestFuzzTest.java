package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.reliability.ReliabilityConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Throws a few thousand seeded hostile bodies per chat API at a running gateway from a few virtual threads at once:
 * every answer is a 200 or a 4xx in the API's error shape, never a 5xx or a stack trace, a body that was valid is
 * answered 200, and the gateway is healthy afterwards. Replay a failure with {@code -Darbiter.fuzz.seed=<seed>}.
 */
class RequestFuzzTest {
    private static final long SEED = Long.getLong("arbiter.fuzz.seed", 0xA5B17E5L);
    private static final int BODIES_PER_API = 3_000;
    private static final int WORKERS = 8;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final int FAILURES_SHOWN = 15;

    private static GatewayHarness gateway;

    /** One body to send to one endpoint; the index names it in failure reports. */
    private record Case(int index, String path, FuzzBodies.Body body) {
    }

    @BeforeAll
    static void startGateway() {
        System.out.println("RequestFuzzTest seed=" + SEED + " (replay with -Darbiter.fuzz.seed=" + SEED + ")");
        // production reliability settings: a pooled upstream connection the fake closed is retried, as in service
        gateway = new GatewayHarness(ReliabilityConfig.DEFAULTS);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void chatCompletionsAnswersHostileBodiesWith200OrAClearOpenAiError() throws Exception {
        fuzz(ChatBodies.CHAT, false, SEED);
    }

    @Test
    void messagesAnswersHostileBodiesWith200OrAClearAnthropicError() throws Exception {
        fuzz(ChatBodies.MESSAGES, true, SEED + 1);
    }

    private void fuzz(String path, boolean anthropic, long seed) throws Exception {
        FuzzBodies bodies = new FuzzBodies(new Random(seed), GatewayHarness.MAX_BODY_BYTES);
        List<Case> cases = new ArrayList<>(BODIES_PER_API);
        for (int i = 0; i < BODIES_PER_API; i++) {
            cases.add(new Case(i, path, bodies.next(anthropic)));
        }
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, LongAdder> tally = new ConcurrentHashMap<>();
        runConcurrently(cases, c -> {
            String problem = check(c, anthropic, tally);
            if (problem != null) {
                failures.add("#" + c.index() + " [" + c.body().kind() + "] " + problem + "\n    sent: " + excerpt(c.body().bytes()));
            }
        });
        System.out.println(path + " (seed " + seed + "): " + new TreeMap<>(tally));
        assertThat(failures).as("seed %d: %d of %d bodies on %s were answered wrongly, e.g.:%n%s", seed, failures.size(),
                cases.size(), path, String.join("\n", failures.stream().limit(FAILURES_SHOWN).toList())).isEmpty();
        assertStillHealthy(path, anthropic);
    }

    /** Runs the check over every case from {@link #WORKERS} virtual threads pulling from one shared index. */
    private static void runConcurrently(List<Case> cases, Consumer<Case> check) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while (!stop.get() && (i = next.getAndIncrement()) < cases.size()) {
                        check.accept(cases.get(i));
                    }
                }));
            }
            long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
            for (Future<?> worker : workers) {
                worker.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    /** Null when the answer is acceptable for the body, else what is wrong with it. */
    private static String check(Case c, boolean anthropic, Map<String, LongAdder> tally) {
        HttpResponse<String> res;
        try {
            res = gateway.send(HttpRequest.newBuilder(gateway.baseUrl().resolve(c.path()))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(c.body().bytes())).build());
        } catch (RuntimeException e) {
            return "no answer: " + e;
        }
        int status = res.statusCode();
        tally.computeIfAbsent(c.body().kind() + " " + status, k -> new LongAdder()).increment();
        String trace = ErrorReplies.leakedTrace(res.body());
        if (trace != null) {
            return status + " leaked '" + trace.strip() + "': " + excerpt(res.body());
        }
        if (status == 200) {
            return null;
        }
        if ("valid".equals(c.body().kind())) {
            return "a valid body got " + status + ": " + excerpt(res.body());
        }
        if (status < 400 || status >= 500) {
            return "status " + status + ": " + excerpt(res.body());
        }
        JsonNode body = ErrorReplies.parse(res.body());
        String shape = anthropic ? ErrorReplies.whyNotAnthropicShape(body) : ErrorReplies.whyNotOpenAiShape(body);
        return shape == null ? null : status + " " + shape + ": " + excerpt(res.body());
    }

    private static void assertStillHealthy(String path, boolean anthropic) {
        assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
        String normal = anthropic ? ChatBodies.messagesWith("test/gpt", "") : ChatBodies.chatWith("test/gpt", "");
        HttpResponse<String> res = gateway.post(path, normal);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(res.body()).contains("Hello from the fake upstream.");
    }

    private static String excerpt(byte[] bytes) {
        return excerpt(new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.UTF_8)) + " (" + bytes.length + " bytes)";
    }

    private static String excerpt(String text) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        StringBuilder sb = new StringBuilder();
        shown.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
