package dev.arbiter.core.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.CacheBreakpoint;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Reasoning;
import dev.arbiter.core.chat.ReasoningBlock;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.UpstreamSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a Claude client's request becomes on an OpenAI-compatible upstream. */
class OpenAiClaudeFieldsTest {
    private static final UpstreamSettings SETTINGS = new UpstreamSettings("openai", URI.create("http://127.0.0.1:1/v1"), "k", Map.of(), null);

    private static JsonNode body(ChatRequest request) {
        return Json.parse(new OpenAiCodec().encode(request, SETTINGS).body());
    }

    private static ChatRequest.Builder hi() {
        return ChatRequest.builder("gpt").messages(Message.user("hi"));
    }

    @Test
    void aThinkingBudgetPicksTheReasoningEffort() {
        assertThat(effort(Reasoning.enabled(1024))).isEqualTo("low");
        assertThat(effort(Reasoning.enabled(4095))).isEqualTo("low");
        assertThat(effort(Reasoning.enabled(4096))).isEqualTo("medium");
        assertThat(effort(Reasoning.enabled(16383))).isEqualTo("medium");
        assertThat(effort(Reasoning.enabled(16384))).isEqualTo("high");
        assertThat(effort(Reasoning.enabled(31999))).isEqualTo("high");
    }

    @Test
    void anExplicitEffortWinsAndMaxIsOpenAisHighest() {
        assertThat(effort(Reasoning.enabled(31999).withEffort("low"))).isEqualTo("low");
        assertThat(effort(new Reasoning(null, null, "medium", null))).isEqualTo("medium");
        assertThat(effort(Reasoning.adaptive().withEffort("max"))).isEqualTo("xhigh");
    }

    @Test
    void adaptiveAndDisabledThinkingSendNoEffort() {
        assertThat(body(hi().reasoning(Reasoning.adaptive()).build()).has("reasoning_effort")).isFalse();
        assertThat(body(hi().reasoning(Reasoning.disabled()).build()).has("reasoning_effort")).isFalse();
    }

    @Test
    void topKIsRefusedNamingIt() {
        assertThatThrownBy(() -> body(hi().topK(5).build())).isInstanceOfSatisfying(ArbiterException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_UNSUPPORTED_FEATURE);
            assertThat(e.param()).isEqualTo("top_k");
        });
    }

    @Test
    void cacheBreakpointsAndServiceTierLeaveNoTraceAndTheAnswerIsUnchanged() {
        ChatRequest cached = ChatRequest.builder("gpt")
                .messages(new Message(Role.SYSTEM, List.of(new ContentPart.Text("S", CacheBreakpoint.EPHEMERAL)), List.of(), null, null),
                        new Message(Role.USER, List.of(new ContentPart.Text("hi", new CacheBreakpoint("1h"))), List.of(), null, null))
                .tools(List.of(new ToolDefinition("f", null, Json.object().put("type", "object"), null, CacheBreakpoint.EPHEMERAL)))
                .cache(CacheBreakpoint.EPHEMERAL).serviceTier("standard_only").build();
        ChatRequest plain = ChatRequest.builder("gpt").messages(Message.system("S"), Message.user("hi"))
                .tools(List.of(new ToolDefinition("f", null, Json.object().put("type", "object"), null))).build();

        assertThat(body(cached)).isEqualTo(body(plain));
    }

    @Test
    void aFailedToolResultIsMarkedInItsTextAndReasoningHistoryIsLeftOut() {
        Message assistant = Message.assistantToolCalls(List.of(new ToolCall("t1", "f", "{}")))
                .withReasoning(List.of(new ReasoningBlock.Thought("plan", "sig"), new ReasoningBlock.Redacted("enc")));
        Message failed = Message.toolResult("t1", "no such file").withToolResultFlags(true, null);
        JsonNode messages = body(ChatRequest.builder("gpt").messages(Message.user("go"), assistant, failed).build()).get("messages");

        assertThat(messages.get(1)).isEqualTo(Json.parse("""
                {"role":"assistant","content":null,"tool_calls":[{"id":"t1","type":"function","function":{"name":"f","arguments":"{}"}}]}"""));
        assertThat(messages.get(2)).isEqualTo(Json.parse("{\"role\":\"tool\",\"content\":\"Error: no such file\",\"tool_call_id\":\"t1\"}"));
    }

    private static String effort(Reasoning reasoning) {
        return body(hi().reasoning(reasoning).build()).path("reasoning_effort").asText(null);
    }
}
