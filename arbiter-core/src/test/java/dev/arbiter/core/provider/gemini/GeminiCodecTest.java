package dev.arbiter.core.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.UpstreamSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeminiCodecTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final UpstreamSettings SETTINGS = new UpstreamSettings("gemini",
            URI.create("https://generativelanguage.googleapis.com/v1beta"), "k", Map.of("x-extra", "1"), null);

    private final GeminiCodec codec = new GeminiCodec(InstantSource.fixed(NOW));

    @Test
    void mapsSamplingSettingsIntoGenerationConfig() {
        ChatRequest request = ChatRequest.builder("gemini-2.5-flash").messages(Message.user("hi")).maxTokens(100)
                .temperature(0.2).topP(0.9).stop(List.of("END")).seed(42L).responseFormat(ResponseFormat.JSON_OBJECT).build();

        var upstream = codec.encode(request, SETTINGS);

        assertThat(upstream.uri()).hasToString("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(upstream.headers()).containsEntry("x-goog-api-key", "k").containsEntry("x-extra", "1");
        assertThat(body(upstream.body()).get("generationConfig")).isEqualTo(Json.parse("{\"maxOutputTokens\":100,"
                + "\"temperature\":0.2,\"topP\":0.9,\"stopSequences\":[\"END\"],\"seed\":42,\"responseMimeType\":\"application/json\"}"));
    }

    @Test
    void mapsToolChoicesToFunctionCallingModes() {
        assertThat(toolConfig(ToolChoice.AUTO)).isEqualTo(Json.parse("{\"functionCallingConfig\":{\"mode\":\"AUTO\"}}"));
        assertThat(toolConfig(ToolChoice.NONE)).isEqualTo(Json.parse("{\"functionCallingConfig\":{\"mode\":\"NONE\"}}"));
        assertThat(toolConfig(ToolChoice.REQUIRED)).isEqualTo(Json.parse("{\"functionCallingConfig\":{\"mode\":\"ANY\"}}"));
        assertThatThrownBy(() -> toolConfig(ToolChoice.function("get_time")))
                .isInstanceOfSatisfying(ArbiterException.class, e -> assertThat(e.param()).isEqualTo("tool_choice"));
    }

    @Test
    void refusesToolCallArgumentsThatAreNotAJsonObjectNamingThem() {
        ChatRequest request = ChatRequest.builder("gemini-2.5-flash").messages(Message.user("hi"),
                Message.assistantToolCalls(List.of(new ToolCall("c1", "f", "{\"a\":"))), Message.toolResult("c1", "ok")).build();

        assertThatThrownBy(() -> codec.encode(request, SETTINGS)).isInstanceOfSatisfying(ArbiterException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_INVALID_REQUEST);
            assertThat(e.param()).isEqualTo("messages[1].tool_calls[0].function.arguments");
        });
    }

    @Test
    void givesCallsWithoutGeminiIdsStableGeneratedIdsAndNeverSendsThemBack() {
        ChatResponse response = codec.decodeResponse(bytes("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":["
                + "{\"functionCall\":{\"name\":\"f\",\"args\":{\"x\":1}}},{\"functionCall\":{\"name\":\"g\"}}]},"
                + "\"finishReason\":\"STOP\"}],\"responseId\":\"r1\",\"modelVersion\":\"gemini-2.5-flash\"}"));

        List<ToolCall> calls = response.message().toolCalls();
        assertThat(calls).extracting(ToolCall::id).containsExactly("call_0", "call_1");
        assertThat(calls.get(1).argumentsJson()).isEqualTo("{}");
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.created()).isEqualTo(NOW.getEpochSecond());

        JsonNode sent = body(codec.encode(ChatRequest.builder("m").messages(Message.user("go"),
                Message.assistantToolCalls(calls), Message.toolResult("call_0", "1"), Message.toolResult("call_1", "2")).build(),
                SETTINGS).body()).get("contents");
        assertThat(sent.get(1).get("parts").get(0)).isEqualTo(Json.parse("{\"functionCall\":{\"name\":\"f\",\"args\":{\"x\":1}}}"));
        assertThat(sent.get(2).get("parts").get(1)).isEqualTo(Json.parse("{\"functionResponse\":{\"name\":\"g\",\"response\":{\"result\":2}}}"));
    }

    @Test
    void carriesGemini3ThoughtSignaturesThroughTheToolCallIdUnchanged() {
        String signature = "CiIBVKhc7+/0Aw==";
        ChatResponse response = codec.decodeResponse(bytes("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":["
                + "{\"functionCall\":{\"id\":\"fc9\",\"name\":\"f\",\"args\":{}},\"thoughtSignature\":\"" + signature + "\"}]},"
                + "\"finishReason\":\"STOP\"}]}"));
        ToolCall call = response.message().toolCalls().getFirst();

        assertThat(call.id()).startsWith("fc9__sig_").matches("[A-Za-z0-9_-]+");
        JsonNode sent = body(codec.encode(ChatRequest.builder("m").messages(Message.user("go"),
                Message.assistantToolCalls(List.of(call)), Message.toolResult(call.id(), "{}")).build(), SETTINGS).body());
        assertThat(sent.get("contents").get(1).get("parts").get(0)).isEqualTo(Json.parse(
                "{\"functionCall\":{\"id\":\"fc9\",\"name\":\"f\",\"args\":{}},\"thoughtSignature\":\"" + signature + "\"}"));
        assertThat(sent.get("contents").get(2).get("parts").get(0).get("functionResponse").get("id").asText()).isEqualTo("fc9");
    }

    @Test
    void skipsThoughtsAndCountsThinkingAndToolPromptsInUsage() {
        ChatResponse response = codec.decodeResponse(bytes("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":["
                + "{\"text\":\"Let me think\",\"thought\":true},{\"text\":\"Answer.\"}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":100,\"toolUsePromptTokenCount\":5,\"cachedContentTokenCount\":40,"
                + "\"candidatesTokenCount\":7,\"thoughtsTokenCount\":30,\"totalTokenCount\":142}}"));

        assertThat(response.message().text()).isEqualTo("Answer.");
        assertThat(response.usage()).isEqualTo(new Usage(105, 37, 40, 30, 0));
    }

    @Test
    void aMalformedFunctionCallIsAProviderErrorAndGarbageABadResponse() {
        assertThatThrownBy(() -> codec.decodeResponse(bytes("{\"candidates\":[{\"finishReason\":\"MALFORMED_FUNCTION_CALL\","
                + "\"finishMessage\":\"Malformed function call: f(\"}]}")))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
                    assertThat(e.getMessage()).contains("Malformed function call");
                });
        assertThatThrownBy(() -> codec.decodeResponse(bytes("[1,2]"))).isInstanceOfSatisfying(ArbiterException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_BAD_RESPONSE));
        assertThatThrownBy(() -> codec.decodeResponse(bytes("{\"candidates\":[]}"))).isInstanceOfSatisfying(ArbiterException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_BAD_RESPONSE));
    }

    @Test
    void refusesAModelNameThatCannotBeAPathSegment() {
        assertThatThrownBy(() -> codec.encode(ChatRequest.builder("gemini 2.5?x=1").messages(Message.user("hi")).build(), SETTINGS))
                .isInstanceOfSatisfying(ArbiterException.class, e -> assertThat(e.param()).isEqualTo("model"));
        assertThat(codec.encode(ChatRequest.builder("tunedModels/my-tune").messages(Message.user("hi")).stream(true).build(),
                SETTINGS).uri().getPath()).isEqualTo("/v1beta/tunedModels/my-tune:streamGenerateContent");
    }

    private JsonNode toolConfig(ToolChoice choice) {
        ToolDefinition tool = new ToolDefinition("get_weather", "w", null, null);
        ChatRequest request = ChatRequest.builder("m").messages(Message.user("hi")).tools(List.of(tool)).toolChoice(choice).build();
        return body(codec.encode(request, SETTINGS).body()).get("toolConfig");
    }

    private static JsonNode body(byte[] bytes) {
        return Json.parse(bytes);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
