package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.arbiter.core.catalog.Deployment;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.config.ProviderConfig;
import dev.arbiter.core.config.ProviderType;
import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.config.ServerConfig;
import dev.arbiter.core.gateway.Engine;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.UpstreamSettings;
import dev.arbiter.core.reliability.Balancing;
import dev.arbiter.core.reliability.ModelReliability;
import dev.arbiter.core.reliability.ReliabilityConfig;
import dev.arbiter.core.reliability.RetrySettings;
import dev.arbiter.core.reliability.StreamSettings;
import dev.arbiter.testing.fake.OpenAiFakeUpstream;
import dev.arbiter.testing.fake.RecordedRequest;
import dev.arbiter.testing.fake.ScriptedReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deployments, retries, fallback, deadlines and the stream window through the running gateway, against two fake
 * OpenAI upstreams. {@code team/chat} is served by {@code primary} (which always fails it) and by {@code backup}
 * with a key of its own; {@code team/solo} by {@code primary} only, falling back to {@code team/backup}.
 */
class ReliabilityGatewayTest {
    private static final String SHORT = "Short and sweet.";
    private static final String LONG = "A long story, told in many small pieces so that it outlasts the window.";
    private static final OpenAiFakeUpstream primary = new OpenAiFakeUpstream();
    private static final OpenAiFakeUpstream backup = new OpenAiFakeUpstream();
    private static ArbiterServer server;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        ScriptedReply shortAnswer = ScriptedReply.text(SHORT, Usage.of(5, 4)).withTiming(new ScriptedReply.Timing(Duration.ZERO, Duration.ZERO, 2));
        primary.script(request -> switch (model(request)) {
            case "chat-upstream" -> ScriptedReply.error(500, "primary is broken");
            case "solo-upstream" -> shortAnswer.withFault(ScriptedReply.Fault.RESET_MID_STREAM);
            case "slow-upstream" -> shortAnswer.withTiming(new ScriptedReply.Timing(Duration.ofSeconds(3), Duration.ZERO, 2));
            default -> ScriptedReply.text(LONG, Usage.of(5, 20)).withTiming(new ScriptedReply.Timing(Duration.ZERO, Duration.ZERO, 20))
                    .withFault(ScriptedReply.Fault.RESET_MID_STREAM);
        });
        backup.setDefault(shortAnswer);
        var timeouts = new UpstreamSettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(10));
        List<ProviderConfig> providers = List.of(
                new ProviderConfig("primary", ProviderType.OPENAI, new UpstreamSettings("primary", primary.baseUrl(), "sk-primary", Map.of(), timeouts)),
                new ProviderConfig("backup", ProviderType.OPENAI, new UpstreamSettings("backup", backup.baseUrl(), "sk-backup", Map.of(), timeouts)));
        List<ModelEntry> models = List.of(
                model("team/chat", Deployment.of("primary", "chat-upstream"),
                        new Deployment("backup", "chat-upstream", 1, 0, "sk-second", "second-key")),
                model("team/solo", Deployment.of("primary", "solo-upstream")),
                model("team/slow", Deployment.of("primary", "slow-upstream")),
                model("team/late", Deployment.of("primary", "late-upstream")),
                model("team/backup", Deployment.of("backup", "backup-upstream")));
        ReliabilityConfig reliability = ReliabilityConfig.DEFAULTS
                .withRetry(new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1),
                        Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .withStream(new StreamSettings(4, Duration.ZERO, Duration.ofSeconds(2)))
                .withModels(Map.of("team/solo", new ModelReliability(Balancing.WEIGHTED, List.of("team/backup"), List.of(), List.of())));
        GatewayConfig config = new GatewayConfig(new ServerConfig("127.0.0.1", 0, 1 << 20), providers, models, false,
                RoutingConfig.DEFAULTS, reliability);
        server = ArbiterServer.start(config.server(), Engine.assemble(config));
    }

    @AfterAll
    static void stop() {
        server.close();
        primary.close();
        backup.close();
        http.close();
    }

    private static String model(RecordedRequest request) {
        return request.body() == null ? "" : request.body().path("model").asText();
    }

    private static ModelEntry model(String id, Deployment... deployments) {
        return new ModelEntry(id, List.of(), null, null, Price.of(1.0, 2.0), 128_000, 4096, null, "team", null, null,
                null, List.of(deployments));
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<String> chat(String model, boolean stream, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url("/v1/chat/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"model": "%s", "stream": %s, "messages": [{"role": "user", "content": "Hi"}]}""".formatted(model, stream)));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String streamedText(String body) {
        StringBuilder text = new StringBuilder();
        for (Sse e : Sse.parse(body)) {
            if (!e.data().equals("[DONE]")) {
                text.append(e.json().at("/choices/0/delta/content").asText(""));
            }
        }
        return text.toString();
    }

    @Test
    void aFailingDeploymentIsRetriedOnTheOtherAndEveryAttemptIsInTheHeader() throws Exception {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> res = chat("team/chat", false, Map.of());
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(Json.parse(res.body()).at("/choices/0/message/content").asText()).isEqualTo(SHORT);
            headers.add(res.headers().firstValue("x-arbiter-attempts").orElseThrow());
        }
        assertThat(headers).anySatisfy(h -> assertThat(h).matches(
                "team/chat\\[primary/chat-upstream]=provider_error;\\d+ms, team/chat\\[backup/chat-upstream@second-key]=ok;\\d+ms"));
    }

    @Test
    void aDeploymentWithItsOwnKeyCallsWithIt() throws Exception {
        chat("team/chat", false, Map.of());
        assertThat(backup.received()).filteredOn(r -> model(r).equals("chat-upstream"))
                .allSatisfy(r -> assertThat(r.headers().get("authorization")).containsExactly("Bearer sk-second"));
    }

    @Test
    void healthShowsEveryDeploymentsCircuit() throws Exception {
        JsonNode health = Json.parse(http.send(HttpRequest.newBuilder(url("/health")).build(), HttpResponse.BodyHandlers.ofString()).body());

        List<String> ids = new ArrayList<>();
        health.path("deployments").forEach(d -> ids.add(d.path("id").asText()));
        assertThat(ids).contains("primary/chat-upstream", "backup/chat-upstream@second-key", "backup/backup-upstream");
        assertThat(health.path("deployments").get(0).path("state").asText()).isIn("closed", "half_open", "open");
        assertThat(health.path("unhealthy_models").isArray()).isTrue();
    }

    @Test
    void aStreamThatBreaksInsideTheWindowFailsOverToTheFallbackInvisibly() throws Exception {
        HttpResponse<String> res = chat("team/solo", true, Map.of());

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("x-arbiter-model")).hasValue("team/backup");
        assertThat(streamedText(res.body())).isEqualTo(SHORT);
        assertThat(Sse.parse(res.body()).getLast().data()).isEqualTo("[DONE]");
        assertThat(res.headers().firstValue("x-arbiter-attempts").orElseThrow())
                .matches("team/solo=provider_\\w+;\\d+ms, team/solo=provider_\\w+;\\d+ms, team/backup=ok;\\d+ms");
    }

    @Test
    void aStreamThatBreaksAfterCommitEndsWithAnErrorChunkThatTheSdkRaisesWithDefaultSettings() {
        OpenAIClient lenient = OpenAIOkHttpClient.builder().baseUrl(url("/v1").toString()).apiKey("sk-any").maxRetries(0).build();
        List<ChatCompletionChunk> before = new ArrayList<>();
        try {
            assertThatThrownBy(() -> {
                try (StreamResponse<ChatCompletionChunk> stream = lenient.chat().completions().createStreaming(
                        ChatCompletionCreateParams.builder().model("team/late").addUserMessage("Hi").build())) {
                    stream.stream().forEach(before::add);
                }
            }).asInstanceOf(type(SseException.class))
                    .satisfies(e -> assertThat(e.type()).hasValueSatisfying(t -> assertThat(t).startsWith("provider_")));
        } finally {
            lenient.close();
        }
        assertThat(before).isNotEmpty();
        assertThat(before).noneSatisfy(c -> assertThat(c.choices().getFirst().finishReason()).isPresent());
    }

    @Test
    void theTimeoutHeaderBoundsTheWholeRequest() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> res = chat("team/slow", false, Map.of("x-arbiter-timeout-ms", "400"));

        assertThat(res.statusCode()).isEqualTo(504);
        assertThat(Json.parse(res.body()).at("/error/type").asText()).isEqualTo("provider_timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aBadTimeoutHeaderIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> res = chat("team/backup", false, Map.of("x-arbiter-timeout-ms", "-1"));

        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(Json.parse(res.body()).at("/error/param").asText()).isEqualTo("x-arbiter-timeout-ms");
    }
}
