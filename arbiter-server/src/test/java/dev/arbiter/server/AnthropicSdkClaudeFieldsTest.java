package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.ThinkingBlockParam;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.anthropic.core.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.ReasoningBlock;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;
import dev.arbiter.testing.fake.ScriptedReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official Anthropic SDK sending what Claude clients send — cache_control on system blocks, tools and message
 * blocks, extended thinking, signed thinking in history, a failed tool result — reaches an Anthropic upstream exactly,
 * an OpenAI upstream mapped, and gets the upstream's thinking back.
 */
class AnthropicSdkClaudeFieldsTest extends AnthropicSdkBase {
    private static final CacheControlEphemeral ONE_HOUR = CacheControlEphemeral.builder().ttl(CacheControlEphemeral.Ttl.TTL_1H).build();
    private static final CacheControlEphemeral DEFAULT = CacheControlEphemeral.builder().build();

    /** A second turn of a coding session: cached system and tool, signed thinking, a failed tool call, a cached question. */
    private static MessageCreateParams claudeLikeRequest(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(8000)
                .systemOfTextBlockParams(List.of(
                        TextBlockParam.builder().text("You are a coding agent.").cacheControl(ONE_HOUR).build(),
                        TextBlockParam.builder().text("Work in /repo.").cacheControl(DEFAULT).build()))
                .addTool(weatherTool().toBuilder().cacheControl(DEFAULT).build())
                .addUserMessage("Weather in Paris?")
                .addAssistantMessageOfContentBlockParams(List.of(
                        ContentBlockParam.ofThinking(ThinkingBlockParam.builder().thinking("Call the tool.").signature("sig-abc").build()),
                        ContentBlockParam.ofToolUse(ToolUseBlockParam.builder().id("toolu_1").name("get_weather")
                                .input(JsonValue.from(Map.of("city", "Paris", "unit", "c"))).build())))
                .addUserMessageOfContentBlockParams(List.of(
                        ContentBlockParam.ofToolResult(ToolResultBlockParam.builder().toolUseId("toolu_1")
                                .content("service unavailable").isError(true).build()),
                        ContentBlockParam.ofText(TextBlockParam.builder().text("Then guess.").cacheControl(DEFAULT).build())))
                .enabledThinking(2048)
                .build();
    }

    @Test
    void anAnthropicUpstreamReceivesCachingHintsThinkingAndErrorsExactlyAsSent() {
        client.messages().create(claudeLikeRequest("test/claude"));

        JsonNode sent = harness.anthropic.lastRequest().body();
        assertThat(sent.get("system")).isEqualTo(Json.parse("""
                [{"type":"text","text":"You are a coding agent.","cache_control":{"type":"ephemeral","ttl":"1h"}},
                 {"type":"text","text":"Work in /repo.","cache_control":{"type":"ephemeral"}}]"""));
        assertThat(sent.at("/tools/0/cache_control")).isEqualTo(Json.parse("{\"type\":\"ephemeral\"}"));
        assertThat(sent.get("thinking")).isEqualTo(Json.parse("{\"type\":\"enabled\",\"budget_tokens\":2048}"));
        assertThat(sent.get("messages").get(1)).isEqualTo(Json.parse("""
                {"role":"assistant","content":[{"type":"thinking","thinking":"Call the tool.","signature":"sig-abc"},
                  {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris","unit":"c"}}]}"""));
        assertThat(sent.get("messages").get(2)).isEqualTo(Json.parse("""
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"service unavailable","is_error":true},
                  {"type":"text","text":"Then guess.","cache_control":{"type":"ephemeral"}}]}"""));
        assertThat(sent.get("messages")).hasSize(3);
    }

    @Test
    void anOpenAiUpstreamGetsTheSameConversationWithoutHintsAndWithAReasoningEffort() {
        client.messages().create(claudeLikeRequest("test/gpt"));

        JsonNode sent = harness.openai.lastRequest().body();
        assertThat(sent.toString()).doesNotContain("cache_control", "thinking", "sig-abc");
        assertThat(sent.get("reasoning_effort").asText()).isEqualTo("low"); // 2048 budget tokens: under 4096
        JsonNode messages = sent.get("messages");
        assertThat(messages.get(0)).isEqualTo(Json.parse("""
                {"role":"system","content":[{"type":"text","text":"You are a coding agent."},{"type":"text","text":"Work in /repo."}]}"""));
        assertThat(messages.get(2).get("tool_calls").get(0).get("id").asText()).isEqualTo("toolu_1");
        assertThat(messages.get(3)).isEqualTo(Json.parse(
                "{\"role\":\"tool\",\"content\":\"Error: service unavailable\",\"tool_call_id\":\"toolu_1\"}"));
        assertThat(messages.get(4)).isEqualTo(Json.parse("{\"role\":\"user\",\"content\":\"Then guess.\"}"));
    }

    @Test
    void aGeminiUpstreamGetsAThinkingBudgetAndAFunctionError() {
        client.messages().create(claudeLikeRequest("test/gemini"));

        JsonNode sent = harness.gemini.lastRequest().body();
        assertThat(sent.toString()).doesNotContain("cache_control", "sig-abc");
        assertThat(sent.at("/generationConfig/thinkingConfig")).isEqualTo(Json.parse("{\"thinkingBudget\":2048}"));
        assertThat(sent.at("/contents/2/parts/0/functionResponse/response")).isEqualTo(Json.parse("{\"error\":\"service unavailable\"}"));
    }

    @Test
    void thinkingForAModelWithoutReasoningIsRefusedNamingThinking() {
        assertThatThrownBy(() -> client.messages().create(ask("test/text-only", "Hi").enabledThinking(1024).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.getMessage()).contains("thinking"));
        assertThat(harness.openai.received()).isEmpty();
    }

    @Test
    void theUpstreamsThinkingComesBackWithItsSignature() {
        harness.anthropic.thinkBeforeNextAnswer(List.of(new ReasoningBlock.Thought("It is sunny there.", "sig-xyz"),
                new ReasoningBlock.Redacted("c2VjcmV0")));
        harness.anthropic.enqueue(ScriptedReply.text("Sunny.", Usage.of(10, 30)));

        Message message = client.messages().create(ask("test/claude", "Weather?").enabledThinking(1024).build());

        assertThat(message.content()).hasSize(3);
        assertThat(message.content().get(0).asThinking().thinking()).isEqualTo("It is sunny there.");
        assertThat(message.content().get(0).asThinking().signature()).isEqualTo("sig-xyz");
        assertThat(message.content().get(1).asRedactedThinking().data()).isEqualTo("c2VjcmV0");
        assertThat(message.content().get(2).asText().text()).isEqualTo("Sunny.");
    }

    @Test
    void aStreamedAnswerAccumulatesTheThinkingAndItsSignature() {
        harness.anthropic.thinkBeforeNextAnswer(List.of(new ReasoningBlock.Thought("Paris in spring is mild.", "sig-stream")));
        harness.anthropic.enqueue(ScriptedReply.text("Mild.", Usage.of(10, 30)));

        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(
                ask("test/claude", "Weather?").enabledThinking(1024).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        List<ContentBlock> content = accumulator.message().content();
        assertThat(content).hasSize(2);
        assertThat(content.get(0).asThinking().thinking()).isEqualTo("Paris in spring is mild.");
        assertThat(content.get(0).asThinking().signature()).isEqualTo("sig-stream");
        assertThat(content.get(1).asText().text()).isEqualTo("Mild.");
    }
}
