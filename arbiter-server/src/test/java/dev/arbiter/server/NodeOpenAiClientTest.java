package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;
import dev.arbiter.testing.fake.ScriptedReply;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official {@code openai} npm package, unchanged, against the running gateway (scripts in {@code clients/node}):
 * a chat completion, a stream read with {@code for await}, a tool call round trip and JSON-schema output through each
 * upstream wire format, and an unknown model as the SDK's {@code NotFoundError}.
 */
class NodeOpenAiClientTest {
    private static NodeScripts scripts;
    private static GatewayHarness harness;

    @BeforeAll
    static void installClientAndStartGateway() {
        if (NodeScripts.nodeAvailable()) {
            scripts = NodeScripts.prepare();
            harness = new GatewayHarness();
        }
    }

    /** Each test, not the class, is aborted without Node.js, so the report lists them as skipped with the reason. */
    @BeforeEach
    void requireNode() {
        NodeScripts.requireNode(scripts != null);
    }

    @AfterAll
    static void stopGateway() {
        if (harness != null) {
            harness.close();
        }
    }

    private static JsonNode run(String script, String model) {
        return scripts.run(script, harness.baseUrl(), model);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void aChatCompletionCarriesTheAnswerUsageAndRoutingHeaders(String model) {
        Upstream upstream = Upstream.serving(model);
        upstream.fake(harness).enqueue(ScriptedReply.text("Paris.", new Usage(21, 3, 0, 0, 0)));

        JsonNode out = run("chat.mjs", model);

        assertThat(out.get("object").asText()).isEqualTo("chat.completion");
        assertThat(out.get("model").asText()).isEqualTo(model);
        assertThat(out.get("content").asText()).isEqualTo("Paris.");
        assertThat(out.get("finish_reason").asText()).isEqualTo("stop");
        assertThat(out.at("/usage/prompt_tokens").asInt()).isEqualTo(21);
        assertThat(out.at("/usage/completion_tokens").asInt()).isEqualTo(3);
        assertThat(out.at("/usage/total_tokens").asInt()).isEqualTo(24);
        assertThat(out.get("arbiter_model").asText()).isEqualTo(model);
        assertThat(out.get("arbiter_provider").asText()).isEqualTo(upstream.provider);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void aStreamJoinsToTheTextAndEndsWithUsage(String model) {
        String story = "Once upon a time, a gateway streamed every token as it arrived.";
        Upstream.serving(model).fake(harness).enqueue(ScriptedReply.text(story, new Usage(12, 15, 0, 0, 0))
                .withTiming(new ScriptedReply.Timing(java.time.Duration.ZERO, java.time.Duration.ZERO, 5)));

        JsonNode out = run("stream.mjs", model);

        assertThat(out.get("text").asText()).isEqualTo(story);
        assertThat(out.get("chunks").asInt()).isGreaterThan(5);
        assertThat(out.get("finish_reason").asText()).isEqualTo("stop");
        assertThat(out.at("/usage/prompt_tokens").asInt()).isEqualTo(12);
        assertThat(out.at("/usage/completion_tokens").asInt()).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void aToolCallRoundTripsThroughTheSdk(String model) {
        Upstream.serving(model).fake(harness).enqueue(
                ScriptedReply.toolCalls(List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\",\"unit\":\"c\"}")), Usage.of(30, 10)),
                ScriptedReply.text("It is 18 degrees in Paris.", Usage.of(50, 8)));

        JsonNode out = run("tools.mjs", model);

        assertThat(out.get("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(out.at("/tool_call/type").asText()).isEqualTo("function");
        assertThat(out.at("/tool_call/name").asText()).isEqualTo("get_weather");
        assertThat(out.at("/tool_call/arguments")).isEqualTo(Json.parse("{\"city\":\"Paris\",\"unit\":\"c\"}"));
        assertThat(out.get("answer").asText()).isEqualTo("It is 18 degrees in Paris.");
        assertThat(out.get("answer_finish_reason").asText()).isEqualTo("stop");
        JsonNode secondTurn = Upstream.serving(model).fake(harness).lastRequest().body();
        assertThat(secondTurn.toString()).contains("temperature").contains("18");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void jsonSchemaOutputParses(String model) {
        Upstream.serving(model).fake(harness).enqueue(ScriptedReply.text("{\"city\":\"Paris\",\"population\":2102650}", Usage.of(20, 12)));

        JsonNode out = run("json-schema.mjs", model);

        assertThat(out.get("parsed")).isEqualTo(Json.parse("{\"city\":\"Paris\",\"population\":2102650}"));
        assertThat(out.get("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void anUnknownModelIsTheSdksNotFoundErrorWithArbitersTypeAndCode() {
        JsonNode out = run("error.mjs", "test/no-such-model");

        assertThat(out.get("thrown").asBoolean()).isTrue();
        assertThat(out.get("not_found_error").asBoolean()).isTrue();
        assertThat(out.get("class").asText()).isEqualTo("NotFoundError");
        assertThat(out.get("status").asInt()).isEqualTo(404);
        assertThat(out.get("type").asText()).isEqualTo("caller_unknown_model");
        assertThat(out.get("code").asText()).isEqualTo("model_not_found");
        assertThat(out.get("param").asText()).isEqualTo("model");
        assertThat(out.get("message").asText()).contains("test/no-such-model");
    }
}
