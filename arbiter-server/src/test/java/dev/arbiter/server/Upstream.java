package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import dev.arbiter.testing.fake.FakeUpstream;
import dev.arbiter.testing.fake.RecordedRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The three fake upstreams behind the harness's test models, and where each vendor's wire format puts what the
 * SDK tests check in the request the upstream received (an image, a tool round trip, a forced tool choice).
 */
enum Upstream {
    OPENAI("test/gpt", "fake-openai"),
    ANTHROPIC("test/claude", "fake-anthropic"),
    GEMINI("test/gemini", "fake-gemini");

    /** The models the parameterized SDK tests run against, one per upstream. */
    static final String MODELS = "dev.arbiter.server.Upstream#models";

    final String model;
    final String provider;

    Upstream(String model, String provider) {
        this.model = model;
        this.provider = provider;
    }

    static Stream<String> models() {
        return Arrays.stream(values()).map(u -> u.model);
    }

    static Upstream serving(String model) {
        for (Upstream u : values()) {
            if (u.model.equals(model)) {
                return u;
            }
        }
        throw new IllegalArgumentException("no fake upstream serves " + model);
    }

    FakeUpstream fake(GatewayHarness harness) {
        return switch (this) {
            case OPENAI -> harness.openai;
            case ANTHROPIC -> harness.anthropic;
            case GEMINI -> harness.gemini;
        };
    }

    /** Whether the vendor reports hidden reasoning tokens apart (Anthropic counts them in output_tokens only). */
    boolean reportsReasoningTokens() {
        return this != ANTHROPIC;
    }

    /** An inline image as the upstream received it. */
    record InlineImage(String mediaType, String base64) {
    }

    /** The first inline image of the first turn. */
    InlineImage image(RecordedRequest request) {
        JsonNode body = request.body();
        return switch (this) {
            case OPENAI -> {
                String url = find(body.path("messages").get(0).path("content"), "type", "image_url")
                        .path("image_url").path("url").asText();
                int comma = url.indexOf(',');
                yield new InlineImage(url.substring("data:".length(), url.indexOf(';')), url.substring(comma + 1));
            }
            case ANTHROPIC -> {
                JsonNode source = find(body.path("messages").get(0).path("content"), "type", "image").path("source");
                yield new InlineImage(source.path("media_type").asText(), source.path("data").asText());
            }
            case GEMINI -> {
                JsonNode data = find(body.path("contents").get(0).path("parts"), "inlineData", null).path("inlineData");
                yield new InlineImage(data.path("mimeType").asText(), data.path("data").asText());
            }
        };
    }

    /** A tool call of the assistant's turn and the result of the turn after it, as the upstream received them. */
    record ToolRoundTrip(String callId, String name, JsonNode arguments, String resultCallId, JsonNode result) {
    }

    /** The tool call in the next-to-last turn and the tool result in the last turn. */
    ToolRoundTrip toolRoundTrip(RecordedRequest request) {
        JsonNode body = request.body();
        return switch (this) {
            case OPENAI -> {
                JsonNode messages = body.path("messages");
                JsonNode call = messages.get(messages.size() - 2).path("tool_calls").get(0);
                JsonNode result = messages.get(messages.size() - 1);
                yield new ToolRoundTrip(call.path("id").asText(), call.path("function").path("name").asText(),
                        Json.parse(call.path("function").path("arguments").asText()),
                        result.path("role").asText().equals("tool") ? result.path("tool_call_id").asText() : null,
                        Json.parse(result.path("content").asText()));
            }
            case ANTHROPIC -> {
                JsonNode messages = body.path("messages");
                JsonNode call = find(messages.get(messages.size() - 2).path("content"), "type", "tool_use");
                JsonNode result = find(messages.get(messages.size() - 1).path("content"), "type", "tool_result");
                JsonNode content = result.path("content");
                String text = content.isTextual() ? content.asText() : find(content, "type", "text").path("text").asText();
                yield new ToolRoundTrip(call.path("id").asText(), call.path("name").asText(), call.path("input"),
                        result.path("tool_use_id").asText(), Json.parse(text));
            }
            case GEMINI -> {
                JsonNode contents = body.path("contents");
                JsonNode call = find(contents.get(contents.size() - 2).path("parts"), "functionCall", null).path("functionCall");
                JsonNode result = find(contents.get(contents.size() - 1).path("parts"), "functionResponse", null)
                        .path("functionResponse");
                yield new ToolRoundTrip(call.path("id").asText(), call.path("name").asText(), call.path("args"),
                        result.path("id").asText(), result.path("response"));
            }
        };
    }

    /** The function the request forces the model to call, or null when it forces none. */
    String forcedFunction(RecordedRequest request) {
        JsonNode body = request.body();
        return switch (this) {
            case OPENAI -> Json.textOrNull(body.path("tool_choice").path("function"), "name");
            case ANTHROPIC -> "tool".equals(body.path("tool_choice").path("type").asText())
                    ? body.path("tool_choice").path("name").asText() : null;
            case GEMINI -> {
                JsonNode config = body.path("toolConfig").path("functionCallingConfig");
                yield "ANY".equals(config.path("mode").asText()) && config.path("allowedFunctionNames").size() == 1
                        ? config.path("allowedFunctionNames").get(0).asText() : null;
            }
        };
    }

    /** The JSON schema the request asks the answer to follow (Anthropic: the forced JSON tool's input schema). */
    JsonNode requestedSchema(RecordedRequest request) {
        JsonNode body = request.body();
        return switch (this) {
            case OPENAI -> {
                assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
                yield body.path("response_format").path("json_schema").path("schema");
            }
            case ANTHROPIC -> {
                String forced = forcedFunction(request);
                assertThat(forced).as("JSON mode forces a tool").isNotNull();
                JsonNode tool = find(body.path("tools"), "name", forced);
                yield tool.path("input_schema");
            }
            case GEMINI -> {
                JsonNode config = body.path("generationConfig");
                assertThat(config.path("responseMimeType").asText()).isEqualTo("application/json");
                yield config.path("responseJsonSchema");
            }
        };
    }

    /** The names of the functions the request declares. */
    List<String> declaredFunctions(RecordedRequest request) {
        JsonNode tools = this == GEMINI ? request.body().path("tools").path(0).path("functionDeclarations")
                : request.body().path("tools");
        List<String> names = new ArrayList<>();
        for (JsonNode tool : tools) {
            names.add(this == OPENAI ? tool.path("function").path("name").asText() : tool.path("name").asText());
        }
        return names;
    }

    /** The first element of an array with that field (equal to {@code value} when one is given); fails the test if none. */
    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.has(field) && (value == null || value.equals(item.path(field).asText()))) {
                return item;
            }
        }
        throw new AssertionError("no element with " + field + (value == null ? "" : "=" + value) + " in " + array);
    }
}
