package dev.arbiter.core.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.UpstreamRequest;
import dev.arbiter.core.provider.UpstreamSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicRequestEncoderTest {
    private static final ToolDefinition TOOL = new ToolDefinition("get_weather", null, Json.object().put("type", "object"), null);

    private static ChatRequest.Builder request(Message... messages) {
        return ChatRequest.builder("claude-x").messages(messages);
    }

    private static JsonNode body(ChatRequest request) {
        return AnthropicRequestEncoder.encode(request);
    }

    private static void assertRefused(ChatRequest request, ErrorKind kind, String param) {
        assertThatThrownBy(() -> body(request)).isInstanceOfSatisfying(ArbiterException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.param()).isEqualTo(param);
        });
    }

    @Test
    void sendsSamplingStopsUserAndStream() {
        JsonNode body = body(request(Message.user("hi")).temperature(0.3).topP(0.9).stop(List.of("END")).user("u-1")
                .stream(true).includeUsage(true).build());
        assertThat(body).isEqualTo(Json.parse("""
                {"model":"claude-x","max_tokens":4096,"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],
                 "temperature":0.3,"top_p":0.9,"stop_sequences":["END"],"metadata":{"user_id":"u-1"},"stream":true}"""));
    }

    @Test
    void mapsToolChoicesAndSerialToolUse() {
        assertThat(choice(ToolChoice.AUTO, null)).isEqualTo(Json.parse("{\"type\":\"auto\"}"));
        assertThat(choice(ToolChoice.REQUIRED, null)).isEqualTo(Json.parse("{\"type\":\"any\"}"));
        assertThat(choice(ToolChoice.NONE, false)).isEqualTo(Json.parse("{\"type\":\"none\"}"));
        assertThat(choice(ToolChoice.function("get_weather"), false))
                .isEqualTo(Json.parse("{\"type\":\"tool\",\"name\":\"get_weather\",\"disable_parallel_tool_use\":true}"));
        assertThat(choice(null, false)).isEqualTo(Json.parse("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"));
        assertThat(choice(null, true)).isNull();
    }

    private static JsonNode choice(ToolChoice choice, Boolean parallel) {
        return body(request(Message.user("hi")).tools(List.of(TOOL)).toolChoice(choice).parallelToolCalls(parallel).build())
                .get("tool_choice");
    }

    @Test
    void declaresAToolWithoutParametersWithAnEmptyObjectSchemaAndCarriesStrict() {
        JsonNode tools = body(request(Message.user("hi")).tools(List.of(new ToolDefinition("now", "Time", null, true))).build()).get("tools");
        assertThat(tools).isEqualTo(Json.parse("""
                [{"name":"now","description":"Time","input_schema":{"type":"object","properties":{}},"strict":true}]"""));
    }

    @Test
    void sendsUrlImagesAsUrlSourcesAndImageToolResultsAsBlocks() {
        Message user = new Message(Role.USER, List.of(ContentPart.Image.ofUrl("https://example.com/a.png", "high")), List.of(), null, null);
        Message result = new Message(Role.TOOL, List.of(new ContentPart.Text("chart:"), ContentPart.Image.inline("image/png", "AAAA", null)),
                List.of(), "toolu_1", null);
        JsonNode messages = body(request(user, Message.assistantToolCalls(List.of(new ToolCall("toolu_1", "plot", "{}"))), result)
                .build()).get("messages");
        assertThat(messages.get(0).get("content")).isEqualTo(Json.parse("""
                [{"type":"image","source":{"type":"url","url":"https://example.com/a.png"}}]"""));
        assertThat(messages.get(2).get("content")).isEqualTo(Json.parse("""
                [{"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"chart:"},
                  {"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}}]}]"""));
    }

    @Test
    void leavesOutTheEmptyTextOfAnAssistantTurnThatOnlyCallsTools() {
        Message assistant = new Message(Role.ASSISTANT, List.of(new ContentPart.Text("")),
                List.of(new ToolCall("toolu_1", "now", "")), null, null);
        JsonNode turn = body(request(Message.user("time?"), assistant, Message.toolResult("toolu_1", "noon")).build()).get("messages").get(1);
        assertThat(turn).isEqualTo(Json.parse("""
                {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"now","input":{}}]}"""));
    }

    @Test
    void refusesWhatAnthropicCannotExpressNamingTheField() {
        assertRefused(request(Message.user("hi")).seed(1L).build(), ErrorKind.CALLER_UNSUPPORTED_FEATURE, "seed");
        assertRefused(request(Message.user("hi")).temperature(1.2).build(), ErrorKind.CALLER_UNSUPPORTED_FEATURE, "temperature");
        assertRefused(request(Message.user("hi")).metadata(Map.of("team", "a")).build(), ErrorKind.CALLER_UNSUPPORTED_FEATURE, "metadata");
        ObjectNode extra = Json.object().put("logprobs", true).put("n", 2);
        assertRefused(request(Message.user("hi")).extra(extra).build(), ErrorKind.CALLER_UNSUPPORTED_FEATURE, "logprobs");
        assertRefused(request(new Message(Role.USER, List.of(new ContentPart.Text("hi")), List.of(), null, "bob")).build(),
                ErrorKind.CALLER_UNSUPPORTED_FEATURE, "messages[0].name");
        assertRefused(request(Message.system("only a system prompt")).build(), ErrorKind.CALLER_UNSUPPORTED_FEATURE, "messages");
    }

    @Test
    void passesTopKFromExtra() {
        assertThat(body(request(Message.user("hi")).extra(Json.object().put("top_k", 5)).build()).get("top_k").intValue()).isEqualTo(5);
    }

    @Test
    void refusesToolCallArgumentsThatAreNotAJsonObject() {
        Message bad = Message.assistantToolCalls(List.of(new ToolCall("toolu_1", "now", "{}"), new ToolCall("toolu_2", "now", "{oops")));
        assertRefused(request(Message.user("hi"), bad).build(), ErrorKind.CALLER_INVALID_REQUEST, "messages[1].tool_calls[1].function.arguments");
        Message array = Message.assistantToolCalls(List.of(new ToolCall("toolu_1", "now", "[1]")));
        assertRefused(request(Message.user("hi"), array).build(), ErrorKind.CALLER_INVALID_REQUEST, "messages[1].tool_calls[0].function.arguments");
    }

    @Test
    void refusesJsonModeCombinedWithToolsOrANonObjectSchema() {
        assertRefused(request(Message.user("hi")).tools(List.of(TOOL)).responseFormat(ResponseFormat.JSON_OBJECT).build(),
                ErrorKind.CALLER_UNSUPPORTED_FEATURE, "response_format");
        ObjectNode arraySchema = Json.object().put("type", "array");
        assertRefused(request(Message.user("hi")).responseFormat(ResponseFormat.jsonSchema("list", arraySchema, null)).build(),
                ErrorKind.CALLER_UNSUPPORTED_FEATURE, "response_format.json_schema.schema");
        assertRefused(request(Message.user("hi")).tools(List.of(new ToolDefinition("json_output", null, null, null))).build(),
                ErrorKind.CALLER_UNSUPPORTED_FEATURE, "tools[0].function.name");
    }

    @Test
    void encodesJsonObjectModeAsAForcedToolWithAnOpenObjectSchema() {
        JsonNode body = body(request(Message.user("hi")).responseFormat(ResponseFormat.JSON_OBJECT).build());
        assertThat(body.get("tools")).isEqualTo(Json.parse("""
                [{"name":"json_output","description":"Give the final answer as this tool's input: a JSON object.",
                  "input_schema":{"type":"object"}}]"""));
        assertThat(body.get("tool_choice")).isEqualTo(Json.parse("{\"type\":\"tool\",\"name\":\"json_output\"}"));
    }

    @Test
    void sendsHeadersAndLetsConfiguredOnesWin() {
        var settings = new UpstreamSettings("a", URI.create("https://api.anthropic.com/v1/"), "sk-ant",
                Map.of("Anthropic-Beta", "x", "Anthropic-Version", "2099-01-01"), null);
        UpstreamRequest sent = new AnthropicCodec().encode(request(Message.user("hi")).build(), settings);
        assertThat(sent.uri()).isEqualTo(URI.create("https://api.anthropic.com/v1/messages"));
        assertThat(sent.headers()).isEqualTo(Map.of("x-api-key", "sk-ant", "anthropic-version", "2099-01-01",
                "content-type", "application/json", "anthropic-beta", "x"));
    }
}
