package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ReasoningBlock;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;
import dev.arbiter.testing.fake.ScriptedReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request body shaped like what Claude Code sends (cached system array and last tool, {@code metadata.user_id},
 * signed thinking in history, a failed tool result, extended thinking, {@code stream: true}) goes through the gateway:
 * an Anthropic upstream receives it exactly (only the model renamed), other upstreams a faithful translation, and the
 * client gets a well-formed Anthropic stream back.
 */
class ClaudeCodeRequestTest {
    private final GatewayHarness harness = new GatewayHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    private static String recorded(String model) {
        try (InputStream in = ClaudeCodeRequestTest.class.getResourceAsStream("/claude-code/messages-request.json")) {
            ObjectNode body = (ObjectNode) Json.parse(in.readAllBytes());
            return Json.text(body.put("model", model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAnthropicUpstreamReceivesTheRequestExactlyAndTheStreamComesBack() {
        harness.anthropic.thinkBeforeNextAnswer(List.of(new ReasoningBlock.Thought("A missing import.", "sig-2")));
        harness.anthropic.enqueue(ScriptedReply.text("Foo.java lacks an import.", new Usage(900, 40, 800, 0, 0)));

        HttpResponse<String> response = harness.post("/v1/messages", recorded("test/claude"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(harness.anthropic.lastRequest().body()).isEqualTo(Json.parse(recorded("claude-upstream")));
        List<Sse> events = Sse.parse(response.body());
        assertThat(events.getFirst().event()).isEqualTo("message_start");
        assertThat(events.getLast().event()).isEqualTo("message_stop");
        assertThat(events).filteredOn(e -> "content_block_delta".equals(e.event())).extracting(e -> e.json().at("/delta/type").asText())
                .contains("thinking_delta", "signature_delta", "text_delta");
        JsonNode delta = events.stream().filter(e -> "message_delta".equals(e.event())).findFirst().orElseThrow().json();
        assertThat(delta.at("/usage/cache_read_input_tokens").asLong()).isEqualTo(800);
    }

    @Test
    void anOpenAiUpstreamReceivesATranslationWithoutCachingHints() {
        HttpResponse<String> response = harness.post("/v1/messages", recorded("test/gpt"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode sent = harness.openai.lastRequest().body();
        assertThat(sent.get("reasoning_effort").asText()).isEqualTo("high"); // a 31999-token budget
        assertThat(sent.get("user").asText()).startsWith("user_5f2c9a");
        assertThat(sent.get("tools")).hasSize(2);
        assertThat(sent.toString()).doesNotContain("cache_control", "signature");
        assertThat(sent.at("/messages/3/content").asText()).startsWith("Error: [ERROR] Foo.java");
        assertThat(Sse.parse(response.body()).getLast().event()).isEqualTo("message_stop");
    }

    @Test
    void aGeminiUpstreamReceivesATranslationToo() {
        HttpResponse<String> response = harness.post("/v1/messages", recorded("test/gemini"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode sent = harness.gemini.lastRequest().body();
        assertThat(sent.at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isEqualTo(31999);
        assertThat(sent.toString()).doesNotContain("cache_control", "signature");
        assertThat(Sse.parse(response.body()).getLast().event()).isEqualTo("message_stop");
    }

    @Test
    void theRecordedBodyIsValidJsonWithTheFieldsClaudeCodeSends() {
        JsonNode body = Json.parse(recorded("m").getBytes(StandardCharsets.UTF_8));
        assertThat(body.fieldNames()).toIterable()
                .contains("system", "tools", "metadata", "thinking", "stream", "max_tokens", "messages");
    }
}
