package dev.arbiter.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.ProviderCodec;
import dev.arbiter.core.provider.anthropic.AnthropicCodec;
import dev.arbiter.testing.fake.AnthropicFakeUpstream;
import dev.arbiter.testing.fake.FakeUpstream;
import dev.arbiter.testing.fake.RecordedRequest;
import dev.arbiter.testing.fake.ScriptedReply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Anthropic Messages codec against the fake Anthropic API: the shared contract plus Anthropic's own rules. */
class AnthropicContractTest extends ProviderContractSuite {

    @Override
    protected FakeUpstream startFake() {
        return new AnthropicFakeUpstream();
    }

    @Override
    protected ProviderCodec codec() {
        return new AnthropicCodec();
    }

    /** Anthropic reports no reasoning-token count of its own (thinking is inside output_tokens). */
    @Override
    protected Usage expressibleUsage(Usage usage) {
        return new Usage(usage.inputTokens(), usage.outputTokens(), usage.cachedInputTokens(), 0, usage.cacheWriteTokens());
    }

    @Override
    protected void assertAuthenticated(RecordedRequest request, String apiKey) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(apiKey);
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("authorization")).isNull();
    }

    @Override
    protected void assertSystemAndUserEncoded(RecordedRequest request, String system, String user) {
        assertThat(request.body()).isEqualTo(json("""
                {"model":"%s","max_tokens":4096,"system":[{"type":"text","text":"%s"}],
                 "messages":[{"role":"user","content":[{"type":"text","text":"%s"}]}]}""", UPSTREAM_MODEL, system, user));
    }

    @Override
    protected void assertToolEncoded(RecordedRequest request, ToolDefinition tool, String forcedName) {
        ObjectNode expected = Json.object().put("name", tool.name()).put("description", tool.description());
        expected.set("input_schema", tool.parameters());
        assertThat(request.body().get("tools")).isEqualTo(Json.array().add(expected));
        assertThat(request.body().get("tool_choice")).isEqualTo(json("{\"type\":\"tool\",\"name\":\"%s\"}", forcedName));
    }

    @Override
    protected void assertToolResultEncoded(RecordedRequest request, ToolCall call, String result) {
        JsonNode messages = request.body().get("messages");
        assertThat(messages).hasSize(3);
        ObjectNode toolUse = Json.object().put("type", "tool_use").put("id", call.id()).put("name", call.name());
        toolUse.set("input", Json.parse(call.argumentsJson()));
        assertThat(messages.get(1)).isEqualTo(turn("assistant", toolUse));
        assertThat(messages.get(2)).isEqualTo(turn("user",
                Json.object().put("type", "tool_result").put("tool_use_id", call.id()).put("content", result)));
    }

    @Override
    protected void assertImageEncoded(RecordedRequest request, String mediaType, String base64) {
        assertThat(request.body().get("messages").get(0).get("content")).isEqualTo(json("""
                [{"type":"text","text":"What is this?"},
                 {"type":"image","source":{"type":"base64","media_type":"%s","data":"%s"}}]""", mediaType, base64));
    }

    @Override
    protected void assertJsonSchemaEncoded(RecordedRequest request, ObjectNode schema) {
        ObjectNode tool = Json.object().put("name", "json_output")
                .put("description", "Give the final answer as this tool's input: a JSON object matching the 'capital' schema.");
        tool.set("input_schema", schema);
        tool.put("strict", true);
        assertThat(request.body().get("tools")).isEqualTo(Json.array().add(tool));
        assertThat(request.body().get("tool_choice")).isEqualTo(json("{\"type\":\"tool\",\"name\":\"json_output\"}"));
        assertThat(request.body().has("response_format")).isFalse();
    }

    @Test
    void refusesSeedWithoutCallingAnthropic() {
        assertThatThrownBy(() -> provider.complete(request(Message.user("hi")).seed(42L).build()))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_UNSUPPORTED_FEATURE);
                    assertThat(e.param()).isEqualTo("seed");
                });
        assertThat(fake.received()).isEmpty();
    }

    @Test
    void defaultsMaxTokensButSendsTheCallersOwn() {
        fake.enqueue(ScriptedReply.text("a", Usage.of(1, 1)), ScriptedReply.text("b", Usage.of(1, 1)));
        provider.complete(request(Message.user("hi")).build());
        assertThat(fake.lastRequest().body().get("max_tokens").intValue()).isEqualTo(4096);
        provider.complete(request(Message.user("hi")).maxTokens(77).build());
        assertThat(fake.lastRequest().body().get("max_tokens").intValue()).isEqualTo(77);
    }

    @Test
    void hoistsSystemAndDeveloperMessagesIntoTheSystemBlocksInOrder() {
        fake.enqueue(ScriptedReply.text("ok", Usage.of(1, 1)));
        provider.complete(request(Message.system("Be brief."), Message.user("Hi"), Message.assistant("Hello!"),
                Message.system("Now answer in French."), Message.user("Capital of France?")).build());

        JsonNode body = fake.lastRequest().body();
        assertThat(body.get("system")).isEqualTo(json("""
                [{"type":"text","text":"Be brief."},{"type":"text","text":"Now answer in French."}]"""));
        assertThat(body.get("messages")).isEqualTo(json("""
                [{"role":"user","content":[{"type":"text","text":"Hi"}]},
                 {"role":"assistant","content":[{"type":"text","text":"Hello!"}]},
                 {"role":"user","content":[{"type":"text","text":"Capital of France?"}]}]"""));
    }

    @Test
    void mergesConsecutiveToolResultsIntoOneUserTurn() {
        fake.enqueue(ScriptedReply.text("Paris 18, Tokyo 24.", Usage.of(80, 8)));
        List<ToolCall> calls = List.of(new ToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}"),
                new ToolCall("toolu_2", "get_weather", "{\"city\":\"Tokyo\"}"));

        provider.complete(request(Message.user("Paris and Tokyo?"), Message.assistantToolCalls(calls),
                Message.toolResult("toolu_1", "18"), Message.toolResult("toolu_2", "24")).tools(List.of(weatherTool())).build());

        JsonNode messages = fake.lastRequest().body().get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(2)).isEqualTo(json("""
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18"},
                                          {"type":"tool_result","tool_use_id":"toolu_2","content":"24"}]}"""));
    }

    @Test
    void anErrorEventMidStreamFailsTheStreamWithItsKind() {
        ((AnthropicFakeUpstream) fake).failNextStreamMidway("overloaded_error", "Overloaded");
        fake.enqueue(ScriptedReply.text("This will not finish.", Usage.of(10, 10)));

        assertThatThrownBy(() -> StreamTranscript.drain(provider.stream(request(Message.user("hi")).stream(true).build())))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("Overloaded");
                });
    }

    @Test
    void streamedJsonModeArrivesAsTextWithANaturalStop() {
        fake.enqueue(ScriptedReply.text("{\"city\":\"Paris\"}", Usage.of(30, 6)));

        StreamTranscript streamed = StreamTranscript.drain(provider.stream(request(Message.user("Capital of France?"))
                .responseFormat(ResponseFormat.JSON_OBJECT).stream(true).build()));

        assertThat(Json.parse(streamed.text())).isEqualTo(json("{\"city\":\"Paris\"}"));
        assertThat(streamed.toolCalls()).isEmpty();
        assertThat(streamed.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(fake.lastRequest().body().get("stream").booleanValue()).isTrue();
    }

    @Test
    void mapsAnthropicsOwnErrorTypes() {
        assertError(ScriptedReply.error(529, "Overloaded"), ErrorKind.PROVIDER_UNAVAILABLE);
        assertError(ScriptedReply.error(413, "Request exceeds the maximum size"), ErrorKind.CALLER_PAYLOAD_TOO_LARGE);
        assertError(ScriptedReply.error(404, "model: claude-nope"), ErrorKind.PROVIDER_MODEL_NOT_FOUND);
        assertError(ScriptedReply.error(403, "Your API key does not have permission"), ErrorKind.PROVIDER_AUTH_FAILED);
        assertError(ScriptedReply.error(400, "prompt is too long: 210000 tokens > 200000 maximum"),
                ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED);
    }

    private void assertError(ScriptedReply reply, ErrorKind expected) {
        fake.enqueue(reply);
        assertThatThrownBy(() -> provider.complete(request(Message.user("hi")).build()))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(expected);
                    assertThat(e.getMessage()).contains(reply.errorMessage());
                });
    }

    private static ObjectNode turn(String role, JsonNode block) {
        ObjectNode turn = Json.object().put("role", role);
        turn.putArray("content").add(block);
        return turn;
    }

    private static JsonNode json(String template, Object... args) {
        return Json.parse(args.length == 0 ? template : template.formatted(args));
    }
}
