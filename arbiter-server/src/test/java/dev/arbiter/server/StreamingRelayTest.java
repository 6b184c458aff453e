package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.testing.fake.ScriptedReply;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Streams are relayed event by event, fail loudly after they start, and a departed client cancels the upstream. */
class StreamingRelayTest {
    static GatewayHarness gw;

    @BeforeAll
    static void start() {
        gw = new GatewayHarness();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String streamBody(String model) {
        return """
                {"model": "%s", "stream": true, "stream_options": {"include_usage": true},
                 "messages": [{"role": "user", "content": "Tell me a story"}]}""".formatted(model);
    }

    @Test
    void relaysAnAnthropicStreamAsOpenAiChunksEndingWithUsageAndDone() {
        gw.anthropic.enqueue(ScriptedReply.text("Once upon a time, there was a gateway.", Usage.of(20, 9))
                .withTiming(new ScriptedReply.Timing(Duration.ZERO, Duration.ZERO, 4)));

        HttpResponse<String> res = gw.post("/v1/chat/completions", streamBody("test/claude"));

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(res.headers().firstValue("x-arbiter-model")).hasValue("test/claude");
        List<Sse> events = Sse.parse(res.body());
        assertThat(events.getLast().data()).isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> !e.data().equals("[DONE]")).map(Sse::json)
                .forEach(chunk -> text.append(chunk.at("/choices/0/delta/content").asText("")));
        assertThat(text.toString()).isEqualTo("Once upon a time, there was a gateway.");
        JsonNode usageChunk = events.get(events.size() - 2).json();
        assertThat(usageChunk.get("choices")).isEmpty();
        assertThat(usageChunk.at("/usage/completion_tokens").asLong()).isEqualTo(9);
    }

    @Test
    void anUpstreamFailureBeforeTheFirstEventIsAnOrdinaryHttpError() {
        gw.openai.enqueue(ScriptedReply.rateLimited("Slow down", Duration.ofSeconds(3)));

        HttpResponse<String> res = gw.post("/v1/chat/completions", streamBody("test/gpt"));

        assertThat(res.statusCode()).isEqualTo(429);
        assertThat(res.headers().firstValue("retry-after")).hasValue("3");
        assertThat(res.body()).contains("provider_rate_limited").contains("Slow down");
    }

    @Test
    void aStreamThatBreaksMidwayEndsWithAnExplicitErrorAndNoDone() {
        gw.openai.enqueue(ScriptedReply.text("This story will be cut short before its end.", Usage.of(10, 10))
                .withTiming(new ScriptedReply.Timing(Duration.ZERO, Duration.ZERO, 8))
                .withFault(ScriptedReply.Fault.RESET_MID_STREAM));

        HttpResponse<String> res = gw.post("/v1/chat/completions", streamBody("test/gpt"));

        assertThat(res.statusCode()).isEqualTo(200);
        List<Sse> events = Sse.parse(res.body());
        assertThat(events).noneMatch(e -> e.data().equals("[DONE]"));
        assertThat(events.getLast().json().at("/error/type").asText()).startsWith("provider_");
        assertThat(events.getLast().json().at("/choices/0/finish_reason").asText()).isEqualTo("error");
        assertThat(events).noneMatch(e -> e.json().at("/choices/0/finish_reason").asText().equals("stop"));
    }

    @Test
    void aClaudeClientSeesAnErrorEventWhenTheUpstreamStreamBreaks() {
        gw.gemini.enqueue(ScriptedReply.text("Another story that will not finish.", Usage.of(10, 10))
                .withTiming(new ScriptedReply.Timing(Duration.ZERO, Duration.ZERO, 8))
                .withFault(ScriptedReply.Fault.RESET_MID_STREAM));

        HttpResponse<String> res = gw.post("/v1/messages", """
                {"model": "test/gemini", "max_tokens": 100, "stream": true,
                 "messages": [{"role": "user", "content": "Tell me a story"}]}""");

        List<Sse> events = Sse.parse(res.body());
        assertThat(events.getFirst().event()).isEqualTo("message_start");
        assertThat(events.getLast().event()).isEqualTo("error");
        assertThat(events).noneMatch(e -> "message_stop".equals(e.event()));
    }

    @Test
    void aClientThatDisconnectsCancelsTheUpstreamCall() throws Exception {
        int brokenBefore = gw.openai.brokenStreams();
        gw.openai.enqueue(ScriptedReply.text("x".repeat(400), Usage.of(10, 400))
                .withTiming(new ScriptedReply.Timing(Duration.ZERO, Duration.ofMillis(50), 200)));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(gw.baseUrl().resolve("/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(streamBody("test/gpt"))).build();

        HttpResponse<InputStream> res = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = res.body()) {
            String first = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)).readLine();
            assertThat(first).startsWith("data: ");
        }
        client.close();

        // 200 chunks 50 ms apart would take 10 s; the upstream must see the cancellation long before that.
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (gw.openai.brokenStreams() == brokenBefore && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.sleep(20);
        }
        assertThat(gw.openai.brokenStreams()).isEqualTo(brokenBefore + 1);
    }
}
