package dev.arbiter.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.ProviderCodec;
import dev.arbiter.core.provider.SseEvent;
import dev.arbiter.core.provider.gemini.GeminiCodec;
import dev.arbiter.testing.fake.FakeUpstream;
import dev.arbiter.testing.fake.GeminiFakeUpstream;
import dev.arbiter.testing.fake.RecordedRequest;
import dev.arbiter.testing.fake.ScriptedReply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Gemini codec against a fake Gemini API: the shared contract plus Gemini's own wire details. */
class GeminiContractTest extends ProviderContractSuite {

    @Override
    protected FakeUpstream startFake() {
        return new GeminiFakeUpstream();
    }

    @Override
    protected ProviderCodec codec() {
        return new GeminiCodec();
    }

    @Override
    protected void assertAuthenticated(RecordedRequest request, String apiKey) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/v1beta/models/" + UPSTREAM_MODEL + ":generateContent");
        assertThat(request.header("x-goog-api-key")).isEqualTo(apiKey);
        assertThat(request.header("authorization")).isNull();
        assertThat(request.header("content-type")).isEqualTo("application/json");
    }

    @Override
    protected void assertSystemAndUserEncoded(RecordedRequest request, String system, String user) {
        assertThat(request.body().get("systemInstruction")).isEqualTo(json("{\"parts\":[{\"text\":" + quote(system) + "}]}"));
        assertThat(request.body().get("contents"))
                .isEqualTo(json("[{\"role\":\"user\",\"parts\":[{\"text\":" + quote(user) + "}]}]"));
    }

    @Override
    protected void assertToolEncoded(RecordedRequest request, ToolDefinition tool, String forcedName) {
        ObjectNode declaration = Json.object().put("name", tool.name()).put("description", tool.description());
        declaration.set("parametersJsonSchema", tool.parameters());
        assertThat(request.body().get("tools")).isEqualTo(Json.array().add(
                Json.object().set("functionDeclarations", Json.array().add(declaration))));
        assertThat(request.body().get("toolConfig")).isEqualTo(json(
                "{\"functionCallingConfig\":{\"mode\":\"ANY\",\"allowedFunctionNames\":[" + quote(forcedName) + "]}}"));
    }

    @Override
    protected void assertToolResultEncoded(RecordedRequest request, ToolCall call, String result) {
        JsonNode contents = request.body().get("contents");
        assertThat(contents).hasSize(3);
        ObjectNode functionCall = Json.object().put("id", call.id()).put("name", call.name());
        functionCall.set("args", json(call.argumentsJson()));
        assertThat(contents.get(1)).isEqualTo(json("{\"role\":\"model\",\"parts\":[{\"functionCall\":" + functionCall + "}]}"));
        ObjectNode functionResponse = Json.object().put("id", call.id()).put("name", call.name());
        functionResponse.set("response", json(result));
        assertThat(contents.get(2)).isEqualTo(json("{\"role\":\"user\",\"parts\":[{\"functionResponse\":" + functionResponse + "}]}"));
    }

    @Override
    protected void assertImageEncoded(RecordedRequest request, String mediaType, String base64) {
        assertThat(request.body().get("contents").get(0).get("parts")).isEqualTo(json("[{\"text\":\"What is this?\"},"
                + "{\"inlineData\":{\"mimeType\":" + quote(mediaType) + ",\"data\":" + quote(base64) + "}}]"));
    }

    @Override
    protected void assertJsonSchemaEncoded(RecordedRequest request, ObjectNode schema) {
        ObjectNode expected = Json.object().put("responseMimeType", "application/json");
        expected.set("responseJsonSchema", schema); // every keyword of the suite's schema is one Gemini supports
        assertThat(request.body().get("generationConfig")).isEqualTo(expected);
    }

    @Test
    void streamsFromTheSseEndpoint() {
        fake.enqueue(ScriptedReply.text("Streamed.", Usage.of(3, 2)));
        StreamTranscript.drain(provider.stream(request(Message.user("hi")).stream(true).build()));
        assertThat(fake.lastRequest().pathAndQuery())
                .isEqualTo("/v1beta/models/" + UPSTREAM_MODEL + ":streamGenerateContent?alt=sse");
    }

    @Test
    void refusesAnImageUrlGeminiCannotFetchNamingThePart() {
        Message withUrl = new Message(Role.USER, List.of(new ContentPart.Text("What is this?"),
                ContentPart.Image.ofUrl("gs://bucket/cat.png", null)), List.of(), null, null);

        assertThatThrownBy(() -> provider.complete(request(Message.system("s"), withUrl).build()))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_UNSUPPORTED_FEATURE);
                    assertThat(e.param()).isEqualTo("messages[1].content[1].image_url");
                });
        assertThat(fake.received()).isEmpty();
    }

    @Test
    void sendsAnHttpsImageUrlAsFileDataWithItsMediaType() {
        fake.enqueue(ScriptedReply.text("A cat.", Usage.of(300, 3)));
        Message withUrl = new Message(Role.USER, List.of(ContentPart.Image.ofUrl("https://example.com/cat.JPG", "high")),
                List.of(), null, null);

        provider.complete(request(withUrl).build());

        assertThat(fake.lastRequest().body().get("contents").get(0).get("parts")).isEqualTo(json(
                "[{\"fileData\":{\"mimeType\":\"image/jpeg\",\"fileUri\":\"https://example.com/cat.JPG\"}}]"));
    }

    @Test
    void aSafetyStopIsAContentFilterFinish() {
        fake.enqueue(ScriptedReply.text("", Usage.of(8, 0)).withFinishReason(FinishReason.CONTENT_FILTER));
        var response = provider.complete(request(Message.user("something unsafe")).build());
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(response.message().content()).isEmpty();
    }

    @Test
    void convertsToolSchemasToTheKeywordsGeminiAccepts() {
        ObjectNode params = (ObjectNode) json("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\",\"minLength\":1,\"pattern\":\"^[A-Z]\"},"
                + "\"unit\":{\"const\":\"celsius\"},\"when\":{\"$ref\":\"#/definitions/Day\",\"description\":\"day\"}},"
                + "\"definitions\":{\"Day\":{\"type\":\"string\",\"format\":\"date\",\"default\":\"2026-01-01\"}},"
                + "\"required\":[\"city\"],\"additionalProperties\":false}");
        fake.enqueue(ScriptedReply.text("ok", Usage.of(5, 1)));

        provider.complete(request(Message.user("Weather?"))
                .tools(List.of(new ToolDefinition("get_weather", null, params, true))).build());

        JsonNode declaration = fake.lastRequest().body().get("tools").get(0).get("functionDeclarations").get(0);
        assertThat(declaration).isEqualTo(json("{\"name\":\"get_weather\",\"parametersJsonSchema\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"enum\":[\"celsius\"]},"
                + "\"when\":{\"description\":\"day\",\"anyOf\":[{\"$ref\":\"#/$defs/Day\"}]}},"
                + "\"$defs\":{\"Day\":{\"type\":\"string\",\"format\":\"date\"}},"
                + "\"required\":[\"city\"],\"additionalProperties\":false}}"));
        assertThat(fake.lastRequest().body().has("toolConfig")).isFalse();
    }

    @Test
    void namesEachToolResultFromItsCallAndGroupsConsecutiveResultsInOneTurn() {
        ToolCall weather = new ToolCall("call_w", "get_weather", "{\"city\":\"Paris\"}");
        ToolCall time = new ToolCall("call_t", "get_time", "{}");
        fake.enqueue(ScriptedReply.text("18 degrees at noon.", Usage.of(70, 6)));

        provider.complete(request(Message.user("Weather and time in Paris?"),
                Message.assistantToolCalls(List.of(weather, time)),
                Message.toolResult("call_t", "12:00"), Message.toolResult("call_w", "{\"temp_c\":18}")).build());

        JsonNode contents = fake.lastRequest().body().get("contents");
        assertThat(contents).hasSize(3);
        assertThat(contents.get(2)).isEqualTo(json("{\"role\":\"user\",\"parts\":["
                + "{\"functionResponse\":{\"id\":\"call_t\",\"name\":\"get_time\",\"response\":{\"result\":\"12:00\"}}},"
                + "{\"functionResponse\":{\"id\":\"call_w\",\"name\":\"get_weather\",\"response\":{\"temp_c\":18}}}]}"));
    }

    @Test
    void aToolResultForAnUnknownCallIsRefusedNamingIt() {
        assertThatThrownBy(() -> provider.complete(request(Message.user("hi"), Message.toolResult("call_nope", "1")).build()))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_INVALID_REQUEST);
                    assertThat(e.param()).isEqualTo("messages[1].tool_call_id");
                });
    }

    @Test
    void aStreamThatEndsWithoutAFinishReasonFails() {
        var decoder = codec().newStreamDecoder();
        var events = decoder.decode(new SseEvent(null,
                "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Half an ans\"}]},\"index\":0}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":4,\"totalTokenCount\":4},\"responseId\":\"r1\"}"));

        assertThat(StreamTranscript.assemble(events).text()).isEqualTo("Half an ans");
        assertThatThrownBy(decoder::finish).isInstanceOfSatisfying(ArbiterException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR));
    }

    @Test
    void aBlockedPromptIsAPolicyError() {
        byte[] blocked = "{\"promptFeedback\":{\"blockReason\":\"SAFETY\",\"safetyRatings\":[]},\"usageMetadata\":{\"promptTokenCount\":9}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec().decodeResponse(blocked)).isInstanceOfSatisfying(ArbiterException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.POLICY_CONTENT_FILTERED);
            assertThat(e.getMessage()).contains("SAFETY");
        });
        assertThatThrownBy(() -> codec().newStreamDecoder().decode(
                new SseEvent(null, new String(blocked, StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(ArbiterException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.POLICY_CONTENT_FILTERED));
    }

    @Test
    void doesNotSendAttributionFieldsAndRefusesWhatGeminiCannotExpress() {
        fake.enqueue(ScriptedReply.text("ok", Usage.of(2, 1)));
        provider.complete(request(Message.user("hi")).user("alice").metadata(Map.of("team", "a")).build());
        assertThat(fake.lastRequest().body().toString()).doesNotContain("alice").doesNotContain("team");

        assertThatThrownBy(() -> provider.complete(request(Message.user("hi")).tools(List.of(weatherTool()))
                .parallelToolCalls(false).build()))
                .isInstanceOfSatisfying(ArbiterException.class, e -> assertThat(e.param()).isEqualTo("parallel_tool_calls"));
        ObjectNode extra = Json.object().put("logprobs", true);
        assertThatThrownBy(() -> provider.complete(request(Message.user("hi")).extra(extra).build()))
                .isInstanceOfSatisfying(ArbiterException.class, e -> assertThat(e.param()).isEqualTo("logprobs"));
    }

    private static JsonNode json(String text) {
        return Json.parse(text);
    }

    private static String quote(String text) {
        return Json.text(Json.object().textNode(text));
    }
}
