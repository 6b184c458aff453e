package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionNamedToolChoice;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.chat.completions.StructuredChatCompletion;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;
import dev.arbiter.testing.fake.RecordedRequest;
import dev.arbiter.testing.fake.ScriptedReply;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official OpenAI Java SDK's tool calling and structured outputs through the gateway, against each upstream
 * vendor: forced tool calls parsed by the SDK, the tool result's round trip, streamed calls assembled by the SDK's
 * accumulator, and JSON-schema answers deserialized into a Java class.
 */
class OpenAiToolsSdkTest extends OpenAiSdkBase {
    private static final ToolCall PARIS = new ToolCall("call_wx_paris", "get_weather", "{\"city\":\"Paris\",\"unit\":\"c\"}");
    private static final ToolCall OSLO = new ToolCall("call_wx_oslo", "get_weather", "{\"city\":\"Oslo\",\"unit\":\"f\"}");

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void forcedToolCallIsParsedAndItsResultReachesTheUpstream(String model) {
        Upstream upstream = Upstream.serving(model);
        upstream.fake(harness).enqueue(ScriptedReply.toolCalls(List.of(PARIS), Usage.of(60, 15)),
                ScriptedReply.text("It is 21 degrees in Paris.", Usage.of(90, 8)));

        ChatCompletion first = client.chat().completions().create(ask(model, "Weather in Paris?")
                .addTool(weatherTool())
                .toolChoice(ChatCompletionNamedToolChoice.builder()
                        .function(ChatCompletionNamedToolChoice.Function.builder().name("get_weather").build()).build())
                .build());

        RecordedRequest asked = upstream.fake(harness).lastRequest();
        assertThat(upstream.declaredFunctions(asked)).containsExactly("get_weather");
        assertThat(upstream.forcedFunction(asked)).isEqualTo("get_weather");
        ChatCompletion.Choice choice = first.choices().getFirst();
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessage message = choice.message();
        ChatCompletionMessageFunctionToolCall call = onlyCall(message.toolCalls().orElseThrow());
        assertThat(call.id()).isEqualTo(PARIS.id());
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(Json.parse(call.function().arguments())).isEqualTo(Json.parse(PARIS.argumentsJson()));

        ChatCompletion second = client.chat().completions().create(ask(model, "Weather in Paris?")
                .addTool(weatherTool())
                .addMessage(message)
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id())
                        .content("{\"temperature\":21,\"unit\":\"c\"}").build())
                .build());

        assertThat(second.choices().getFirst().message().content()).contains("It is 21 degrees in Paris.");
        assertThat(second.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        Upstream.ToolRoundTrip roundTrip = upstream.toolRoundTrip(upstream.fake(harness).lastRequest());
        assertThat(roundTrip.callId()).isEqualTo(PARIS.id());
        assertThat(roundTrip.name()).isEqualTo("get_weather");
        assertThat(roundTrip.arguments()).isEqualTo(Json.parse(PARIS.argumentsJson()));
        assertThat(roundTrip.resultCallId()).isEqualTo(PARIS.id());
        assertThat(roundTrip.result()).isEqualTo(Json.parse("{\"temperature\":21,\"unit\":\"c\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void streamedToolCallsAreAssembledByTheSdkAccumulator(String model) {
        Upstream.serving(model).fake(harness).enqueue(ScriptedReply.toolCalls(List.of(PARIS, OSLO), Usage.of(70, 30)));

        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                ask(model, "Weather in Paris and Oslo?").addTool(weatherTool()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        ChatCompletion completion = accumulator.chatCompletion();
        assertThat(completion.model()).isEqualTo(model);
        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        List<ChatCompletionMessageFunctionToolCall> calls = choice.message().toolCalls().orElseThrow().stream()
                .map(ChatCompletionMessageToolCall::asFunction).toList();
        assertThat(calls).extracting(ChatCompletionMessageFunctionToolCall::id).containsExactly(PARIS.id(), OSLO.id());
        assertThat(calls).extracting(c -> c.function().name()).containsExactly("get_weather", "get_weather");
        assertThat(calls).extracting(c -> Json.parse(c.function().arguments()))
                .containsExactly(Json.parse(PARIS.argumentsJson()), Json.parse(OSLO.argumentsJson()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void jsonSchemaAnswerDeserializesIntoTheSdkStructuredType(String model) {
        Upstream upstream = Upstream.serving(model);
        upstream.fake(harness).enqueue(ScriptedReply.text(
                "{\"city\":\"Paris\",\"population\":2102650,\"landmarks\":[\"Louvre\",\"Eiffel Tower\"]}", Usage.of(80, 20)));

        StructuredChatCompletion<CityFacts> completion = client.chat().completions().create(
                ask(model, "Facts about Paris").responseFormat(CityFacts.class).build());

        CityFacts facts = completion.choices().getFirst().message().content().orElseThrow();
        assertThat(facts.city).isEqualTo("Paris");
        assertThat(facts.population).isEqualTo(2_102_650L);
        assertThat(facts.landmarks).containsExactly("Louvre", "Eiffel Tower");
        assertThat(completion.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        JsonNode schema = upstream.requestedSchema(upstream.fake(harness).lastRequest());
        assertThat(schema.path("properties").has("city")).isTrue();
        assertThat(schema.path("properties").has("population")).isTrue();
        assertThat(schema.path("properties").path("landmarks").path("type").asText()).isEqualTo("array");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void streamedJsonSchemaAnswerIsAccumulatedIntoTheStructuredType(String model) {
        Upstream.serving(model).fake(harness).enqueue(ScriptedReply.text(
                "{\"city\":\"Oslo\",\"population\":717710,\"landmarks\":[\"Opera House\"]}", Usage.of(80, 20)));

        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        var params = ask(model, "Facts about Oslo").responseFormat(CityFacts.class).build();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }

        CityFacts facts = accumulator.chatCompletion(CityFacts.class).choices().getFirst().message().content().orElseThrow();
        assertThat(facts.city).isEqualTo("Oslo");
        assertThat(facts.population).isEqualTo(717_710L);
        assertThat(facts.landmarks).containsExactly("Opera House");
    }

    private static ChatCompletionMessageFunctionToolCall onlyCall(List<ChatCompletionMessageToolCall> calls) {
        assertThat(calls).hasSize(1);
        return calls.getFirst().asFunction();
    }
}
