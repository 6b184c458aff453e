package dev.arbiter.core.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.CacheBreakpoint;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Reasoning;
import dev.arbiter.core.chat.ReasoningBlock;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.UpstreamSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a Claude client's request becomes on Gemini. */
class GeminiClaudeFieldsTest {
    private static final UpstreamSettings SETTINGS = new UpstreamSettings("gemini", URI.create("http://127.0.0.1:1/v1beta"), "k", Map.of(), null);

    private static JsonNode body(ChatRequest request) {
        return Json.parse(new GeminiCodec().encode(request, SETTINGS).body());
    }

    private static JsonNode thinkingConfig(Reasoning reasoning) {
        return body(ChatRequest.builder("gemini-x").messages(Message.user("hi")).reasoning(reasoning).build())
                .path("generationConfig").path("thinkingConfig");
    }

    @Test
    void mapsThinkingToTheThinkingConfig() {
        assertThat(thinkingConfig(Reasoning.enabled(2048))).isEqualTo(Json.parse("{\"thinkingBudget\":2048}"));
        assertThat(thinkingConfig(Reasoning.enabled(2048).withEffort("low"))).isEqualTo(Json.parse("{\"thinkingBudget\":2048}"));
        assertThat(thinkingConfig(Reasoning.adaptive())).isEqualTo(Json.parse("{\"thinkingBudget\":-1}"));
        assertThat(thinkingConfig(Reasoning.adaptive().withEffort("medium"))).isEqualTo(Json.parse("{\"thinkingLevel\":\"medium\"}"));
        assertThat(thinkingConfig(new Reasoning(null, null, "max", null))).isEqualTo(Json.parse("{\"thinkingLevel\":\"high\"}"));
        assertThat(thinkingConfig(Reasoning.disabled()).isMissingNode()).isTrue();
    }

    @Test
    void sendsTopKAndLeavesCacheBreakpointsAndServiceTierOut() {
        ChatRequest request = ChatRequest.builder("gemini-x")
                .messages(new Message(Role.USER, List.of(new ContentPart.Text("hi", CacheBreakpoint.EPHEMERAL)), List.of(), null, null))
                .topK(7).cache(CacheBreakpoint.EPHEMERAL).serviceTier("auto").build();

        assertThat(body(request)).isEqualTo(Json.parse("""
                {"contents":[{"role":"user","parts":[{"text":"hi"}]}],"generationConfig":{"topK":7}}"""));
    }

    @Test
    void aFailedToolResultIsAnErrorResponseAndReasoningHistoryIsLeftOut() {
        Message assistant = Message.assistantToolCalls(List.of(new ToolCall("t1", "read", "{}")))
                .withReasoning(List.of(new ReasoningBlock.Thought("plan", "sig")));
        Message failed = Message.toolResult("t1", "no such file").withToolResultFlags(true, null);
        JsonNode contents = body(ChatRequest.builder("gemini-x").messages(Message.user("go"), assistant, failed).build()).get("contents");

        assertThat(contents.get(1)).isEqualTo(Json.parse("""
                {"role":"model","parts":[{"functionCall":{"id":"t1","name":"read","args":{}}}]}"""));
        assertThat(contents.get(2).at("/parts/0/functionResponse/response")).isEqualTo(Json.parse("{\"error\":\"no such file\"}"));
    }
}
