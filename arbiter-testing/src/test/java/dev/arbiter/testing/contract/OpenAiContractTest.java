package dev.arbiter.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.Provider;
import dev.arbiter.core.provider.ProviderCodec;
import dev.arbiter.core.provider.UpstreamSettings;
import dev.arbiter.core.provider.openai.OpenAiCodec;
import dev.arbiter.core.transport.CodecProvider;
import dev.arbiter.testing.fake.FakeUpstream;
import dev.arbiter.testing.fake.OpenAiFakeUpstream;
import dev.arbiter.testing.fake.RecordedRequest;
import dev.arbiter.testing.fake.ScriptedReply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The OpenAI codec against the fake OpenAI upstream: the shared contract plus OpenAI's own wire details. */
class OpenAiContractTest extends ProviderContractSuite {

    @Override
    protected FakeUpstream startFake() {
        return new OpenAiFakeUpstream();
    }

    @Override
    protected ProviderCodec codec() {
        return new OpenAiCodec();
    }

    @Override
    protected void assertAuthenticated(RecordedRequest request, String apiKey) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("authorization")).isEqualTo("Bearer " + apiKey);
        assertThat(request.header("content-type")).isEqualTo("application/json");
    }

    @Override
    protected void assertSystemAndUserEncoded(RecordedRequest request, String system, String user) {
        assertThat(request.body().get("model").asText()).isEqualTo(UPSTREAM_MODEL);
        assertThat(request.body().get("messages")).isEqualTo(json("""
                [{"role":"system","content":%s},{"role":"user","content":%s}]""".formatted(quote(system), quote(user))));
        assertThat(request.body().has("stream")).isFalse();
    }

    @Override
    protected void assertToolEncoded(RecordedRequest request, ToolDefinition tool, String forcedName) {
        ObjectNode expected = Json.object().put("type", "function");
        expected.putObject("function").put("name", tool.name()).put("description", tool.description())
                .set("parameters", tool.parameters());
        assertThat(request.body().get("tools")).isEqualTo(Json.array().add(expected));
        assertThat(request.body().get("tool_choice"))
                .isEqualTo(json("{\"type\":\"function\",\"function\":{\"name\":" + quote(forcedName) + "}}"));
    }

    @Override
    protected void assertToolResultEncoded(RecordedRequest request, ToolCall call, String result) {
        JsonNode messages = request.body().get("messages");
        ObjectNode assistant = Json.object().put("role", "assistant").putNull("content");
        ObjectNode wireCall = assistant.putArray("tool_calls").addObject().put("id", call.id()).put("type", "function");
        wireCall.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
        assertThat(messages.get(1)).isEqualTo(assistant);
        assertThat(messages.get(2)).isEqualTo(Json.object().put("role", "tool").put("content", result)
                .put("tool_call_id", call.id()));
    }

    @Override
    protected void assertImageEncoded(RecordedRequest request, String mediaType, String base64) {
        assertThat(request.body().at("/messages/0/content")).isEqualTo(json("""
                [{"type":"text","text":"What is this?"},
                 {"type":"image_url","image_url":{"url":"data:%s;base64,%s"}}]""".formatted(mediaType, base64)));
    }

    @Override
    protected void assertJsonSchemaEncoded(RecordedRequest request, ObjectNode schema) {
        ObjectNode expected = Json.object().put("type", "json_schema");
        expected.putObject("json_schema").put("name", "capital").put("strict", true).set("schema", schema);
        assertThat(request.body().get("response_format")).isEqualTo(expected);
    }

    @Test
    void encodesEveryRequestFieldUnderOpenAisNames() {
        fake.enqueue(ScriptedReply.text("ok", Usage.of(1, 1)));
        ChatRequest request = request(Message.system("sys"), Message.text(Role.DEVELOPER, "dev"),
                new Message(Role.USER, List.of(new ContentPart.Text("hi")),
                        List.of(), null, "alice"))
                .tools(List.of(new ToolDefinition("f", null, null, true))).toolChoice(ToolChoice.REQUIRED)
                .parallelToolCalls(false).responseFormat(ResponseFormat.JSON_OBJECT).maxTokens(64).temperature(0.5)
                .topP(0.9).stop(List.of("END", "STOP")).seed(42L).user("user-1").metadata(Map.of("team", "search"))
                .build();

        provider.complete(request);

        assertThat(fake.lastRequest().body()).isEqualTo(json("""
                {"model":"vendor-model-1",
                 "messages":[{"role":"system","content":"sys"},{"role":"developer","content":"dev"},
                             {"role":"user","content":"hi","name":"alice"}],
                 "tools":[{"type":"function","function":{"name":"f","strict":true}}],
                 "tool_choice":"required","parallel_tool_calls":false,
                 "response_format":{"type":"json_object"},"max_tokens":64,"temperature":0.5,"top_p":0.9,
                 "stop":["END","STOP"],"seed":42,"user":"user-1","metadata":{"team":"search"}}"""));
    }

    @Test
    void sendsMaxCompletionTokensOnlyToOpenAiItself() {
        ChatRequest request = request(Message.user("hi")).maxTokens(100).build();
        UpstreamSettings openAi = new UpstreamSettings("openai", URI.create("https://api.openai.com/v1"), "k", Map.of(), null);
        UpstreamSettings deepSeek = new UpstreamSettings("deepseek", URI.create("https://api.deepseek.com/v1"), "k", Map.of(), null);

        JsonNode toOpenAi = Json.parse(new OpenAiCodec().encode(request, openAi).body());
        JsonNode toDeepSeek = Json.parse(new OpenAiCodec().encode(request, deepSeek).body());
        JsonNode forced = Json.parse(new OpenAiCodec(OpenAiCodec.MaxTokensParam.MAX_COMPLETION_TOKENS).encode(request, deepSeek).body());

        assertThat(toOpenAi.get("max_completion_tokens").asInt()).isEqualTo(100);
        assertThat(toOpenAi.has("max_tokens")).isFalse();
        assertThat(toDeepSeek.get("max_tokens").asInt()).isEqualTo(100);
        assertThat(toDeepSeek.has("max_completion_tokens")).isFalse();
        assertThat(forced.get("max_completion_tokens").asInt()).isEqualTo(100);
        assertThat(new OpenAiCodec().encode(request, openAi).uri()).hasToString("https://api.openai.com/v1/chat/completions");
    }

    @Test
    void streamingAlwaysAsksForTheUsageChunkEvenWhenTheCallerDidNot() {
        fake.enqueue(ScriptedReply.text("hello there", Usage.of(12, 3)));

        StreamTranscript streamed = StreamTranscript.drain(provider.stream(request(Message.user("hi")).stream(true).build()));

        assertThat(fake.lastRequest().body().get("stream").asBoolean()).isTrue();
        assertThat(fake.lastRequest().body().get("stream_options")).isEqualTo(json("{\"include_usage\":true}"));
        assertThat(streamed.usage()).isEqualTo(Usage.of(12, 3));
        assertThat(streamed.events().getFirst()).isInstanceOfSatisfying(StreamEvent.Start.class,
                s -> assertThat(s.model()).isEqualTo(UPSTREAM_MODEL));
    }

    @Test
    void extraFieldsPassThroughVerbatim() {
        fake.enqueue(ScriptedReply.text("ok", Usage.of(1, 1)));
        ObjectNode extra = (ObjectNode) json("{\"n\":2,\"logit_bias\":{\"50256\":-100},\"top_k\":40,"
                + "\"stream_options\":{\"include_obfuscation\":false}}");

        StreamTranscript.drain(provider.stream(request(Message.user("hi")).stream(true).extra(extra).build()));

        JsonNode body = fake.lastRequest().body();
        assertThat(body.get("n").asInt()).isEqualTo(2);
        assertThat(body.get("logit_bias")).isEqualTo(json("{\"50256\":-100}"));
        assertThat(body.get("top_k").asInt()).isEqualTo(40);
        assertThat(body.get("stream_options")).isEqualTo(json("{\"include_obfuscation\":false,\"include_usage\":true}"));
    }

    @Test
    void anExtraFieldThatCollidesWithAModelledOneIsRejectedNamingIt() {
        ChatRequest request = request(Message.user("hi")).temperature(0.2)
                .extra((ObjectNode) json("{\"temperature\":1.5}")).build();
        assertThatThrownBy(() -> provider.complete(request)).isInstanceOfSatisfying(ArbiterException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_INVALID_REQUEST);
            assertThat(e.param()).isEqualTo("temperature");
        });
        assertThat(fake.received()).isEmpty();
    }

    @Test
    void omitsAuthorizationWithoutAKeyAndAddsConfiguredHeaders() {
        fake.enqueue(ScriptedReply.text("ok", Usage.of(1, 1)));
        var settings = new UpstreamSettings("local", fake.baseUrl(), null, Map.of("X-Tenant", "acme"), null);
        new CodecProvider(new OpenAiCodec(), settings).complete(request(Message.user("hi")).build());

        assertThat(fake.lastRequest().header("authorization")).isNull();
        assertThat(fake.lastRequest().header("x-tenant")).isEqualTo("acme");
    }

    @Test
    void mapsEveryFinishReasonIncludingTheDeprecatedFunctionCall() {
        assertThat(finishReasonOf("stop")).isEqualTo(FinishReason.STOP);
        assertThat(finishReasonOf("length")).isEqualTo(FinishReason.LENGTH);
        assertThat(finishReasonOf("tool_calls")).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(finishReasonOf("function_call")).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(finishReasonOf("content_filter")).isEqualTo(FinishReason.CONTENT_FILTER);
    }

    @Test
    void streamsTheContentFilterFinishReason() {
        fake.enqueue(ScriptedReply.text("partial", Usage.of(3, 1)).withFinishReason(FinishReason.CONTENT_FILTER));
        StreamTranscript streamed = StreamTranscript.drain(provider.stream(request(Message.user("hi")).stream(true).build()));
        assertThat(streamed.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    }

    @Test
    void anErrorBodyThatIsNotJsonStillGivesAClearMessage() {
        ArbiterException e = codec().decodeError(502, Map.of(),
                "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(e.getMessage()).contains("HTTP 502").contains("non-JSON").contains("502 Bad Gateway");
    }

    @Test
    void mapsContextLengthErrorsToTheCaller() {
        byte[] body = """
                {"error":{"message":"This model's maximum context length is 128000 tokens.","type":"invalid_request_error",
                "param":"messages","code":"context_length_exceeded"}}""".getBytes(StandardCharsets.UTF_8);
        ArbiterException e = codec().decodeError(400, Map.of(), body);
        assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED);
        assertThat(e.param()).isEqualTo("messages");
        assertThat(e.getMessage()).contains("maximum context length is 128000 tokens");
    }

    @Test
    void anErrorEventInsideTheStreamFailsItWithTheUpstreamMessage() {
        String error = "data: {\"error\":{\"message\":\"The server had an error while processing your request.\","
                + "\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n";
        try (FakeUpstream broken = fakeRewriting(events -> {
            List<String> cut = new ArrayList<>(events.subList(0, 2));
            cut.add(error);
            return cut;
        })) {
            broken.enqueue(ScriptedReply.text("Half an answer", Usage.of(5, 5)));
            List<StreamEvent> seen = new ArrayList<>();
            assertThatThrownBy(() -> drainInto(providerFor(broken).stream(request(Message.user("hi")).stream(true).build()), seen))
                    .isInstanceOfSatisfying(ArbiterException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
                        assertThat(e.getMessage()).contains("The server had an error while processing your request.");
                    });
            assertThat(seen).first().isInstanceOf(StreamEvent.Start.class);
        }
    }

    @Test
    void aStreamThatClosesWithoutDoneFails() {
        try (FakeUpstream noDone = fakeRewriting(events -> events.subList(0, events.size() - 1))) {
            noDone.enqueue(ScriptedReply.text("Almost complete", Usage.of(5, 5)));
            assertThatThrownBy(() -> StreamTranscript.drain(providerFor(noDone).stream(request(Message.user("hi")).stream(true).build())))
                    .isInstanceOfSatisfying(ArbiterException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
                        assertThat(e.getMessage()).contains("stream ended before completion");
                    });
        }
    }

    private FinishReason finishReasonOf(String wire) {
        String body = """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
                "message":{"role":"assistant","content":"x","refusal":null},"logprobs":null,"finish_reason":"%s"}],
                "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""".formatted(wire);
        return codec().decodeResponse(body.getBytes(StandardCharsets.UTF_8)).choices().getFirst().finishReason();
    }

    private static FakeUpstream fakeRewriting(UnaryOperator<List<String>> rewrite) {
        return new OpenAiFakeUpstream() {
            @Override
            protected List<String> renderSse(ScriptedReply reply, RecordedRequest request) {
                return rewrite.apply(super.renderSse(reply, request));
            }
        };
    }

    private Provider providerFor(FakeUpstream upstream) {
        return new CodecProvider(codec(), new UpstreamSettings("fake", upstream.baseUrl(), API_KEY, Map.of(),
                new UpstreamSettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), idleTimeout(), Duration.ofSeconds(10))));
    }

    private static void drainInto(EventStream stream, List<StreamEvent> seen) {
        try (stream) {
            for (StreamEvent e = stream.next(); e != null; e = stream.next()) {
                seen.add(e);
            }
        }
    }

    private static JsonNode json(String text) {
        return Json.parse(text);
    }

    private static String quote(String s) {
        return Json.text(Json.MAPPER.getNodeFactory().textNode(s));
    }
}
