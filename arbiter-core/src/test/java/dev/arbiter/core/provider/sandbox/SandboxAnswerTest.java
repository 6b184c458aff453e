package dev.arbiter.core.provider.sandbox;

import static dev.arbiter.core.provider.sandbox.SandboxFixtures.WEATHER_SCHEMA;
import static dev.arbiter.core.provider.sandbox.SandboxFixtures.ask;
import static dev.arbiter.core.provider.sandbox.SandboxFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SandboxAnswerTest {
    private final SandboxProvider sandbox = SandboxFixtures.sandbox(new RecordingPacer());

    @Test
    void answersAQuestionWithATaggedSimulatedTextThatEchoesIt() {
        ChatResponse response = sandbox.complete(ask("gpt-5.4", "What is the capital\n of France?"));

        assertThat(response.model()).isEqualTo("gpt-5.4");
        assertThat(response.message().text())
                .startsWith("[sandbox/gpt-5.4] You asked: \"What is the capital of France?\".")
                .contains("simulated");
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void equalRequestsGetEqualAnswersAndUsage() {
        ChatResponse first = sandbox.complete(ask("gpt-5.4", "Explain quicksort"));
        ChatResponse second = sandbox.complete(ask("gpt-5.4", "Explain quicksort"));

        assertThat(second.message()).isEqualTo(first.message());
        assertThat(second.usage()).isEqualTo(first.usage());
    }

    static Stream<Arguments> toolSchemas() {
        return SchemaCatalogue.SCHEMAS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolSchemas")
    void callsARequiredToolWithArgumentsValidAgainstItsSchema(String kind, String schemaJson) {
        ChatRequest request = ask("gpt-5.4", "Please do it").toBuilder()
                .tools(List.of(tool("do_it", schemaJson))).toolChoice(ToolChoice.REQUIRED).build();

        ChatResponse response = sandbox.complete(request);

        ToolCall call = response.message().toolCalls().getFirst();
        assertThat(call.id()).startsWith("call_").hasSizeGreaterThan(10);
        assertThat(call.name()).isEqualTo("do_it");
        assertThat(JsonSchemaChecker.errors(Json.parse(schemaJson), Json.parse(call.argumentsJson()))).isEmpty();
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void callsTheNamedFunction() {
        ChatRequest request = ask("gpt-5.4", "Weather in Oslo?").toBuilder()
                .tools(List.of(tool("get_time", "{\"type\":\"object\"}"), tool("get_weather", WEATHER_SCHEMA)))
                .toolChoice(ToolChoice.function("get_weather")).build();

        assertThat(sandbox.complete(request).message().toolCalls()).singleElement()
                .extracting(ToolCall::name).isEqualTo("get_weather");
    }

    @Test
    void autoCallsTheToolTheUserNamesAfterAUserMessage() {
        ChatRequest request = ask("gpt-5.4", "Use get_weather for Oslo").toBuilder()
                .tools(List.of(tool("get_time", "{\"type\":\"object\"}"), tool("get_weather", WEATHER_SCHEMA))).build();

        assertThat(sandbox.complete(request).message().toolCalls()).singleElement()
                .extracting(ToolCall::name).isEqualTo("get_weather");
    }

    @Test
    void answersInTextAfterAToolResultEvenWhenAToolIsRequired() {
        ToolCall earlier = new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\",\"unit\":\"celsius\"}");
        ChatRequest request = ChatRequest.builder("gpt-5.4")
                .messages(Message.user("Weather in Oslo?"), Message.assistantToolCalls(List.of(earlier)),
                        Message.toolResult("call_1", "{\"temp\": 4}"))
                .tools(List.of(tool("get_weather", WEATHER_SCHEMA))).toolChoice(ToolChoice.REQUIRED).build();

        ChatResponse response = sandbox.complete(request);

        assertThat(response.message().toolCalls()).isEmpty();
        assertThat(response.message().text()).contains("get_weather").contains("{\"temp\": 4}");
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void answersInTextWhenToolChoiceIsNone() {
        ChatRequest request = ask("gpt-5.4", "Weather?").toBuilder()
                .tools(List.of(tool("get_weather", WEATHER_SCHEMA))).toolChoice(ToolChoice.NONE).build();

        assertThat(sandbox.complete(request).message().toolCalls()).isEmpty();
    }

    @Test
    void jsonObjectModeAnswersWithAJsonObject() {
        ChatRequest request = ask("gpt-5.4", "List three fruits").toBuilder()
                .responseFormat(ResponseFormat.JSON_OBJECT).build();

        JsonNode answer = Json.parse(sandbox.complete(request).message().text());

        assertThat(answer.isObject()).isTrue();
        assertThat(answer.get("question").asText()).isEqualTo("List three fruits");
    }

    @Test
    void jsonSchemaModeAnswersWithJsonTheSchemaAccepts() {
        ObjectNode schema = (ObjectNode) Json.parse(SchemaCatalogue.SCHEMAS.get("nested objects and arrays"));
        ChatRequest request = ask("gpt-5.4", "Make an order").toBuilder()
                .responseFormat(ResponseFormat.jsonSchema("order", schema, true)).build();

        JsonNode answer = Json.parse(sandbox.complete(request).message().text());

        assertThat(JsonSchemaChecker.errors(schema, answer)).isEmpty();
    }

    @Test
    void maxTokensTruncatesTheAnswerAndReportsLength() {
        String full = sandbox.complete(ask("gpt-5.4", "Tell me a story")).message().text();

        ChatResponse cut = sandbox.complete(ask("gpt-5.4", "Tell me a story").toBuilder().maxTokens(5).build());

        assertThat(cut.choices().getFirst().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(full).startsWith(cut.message().text());
        assertThat(cut.message().text()).isNotEmpty();
        assertThat(cut.usage().outputTokens()).isBetween(1L, 5L);
    }

    @Test
    void aStopSequenceCutsTheTextBeforeIt() {
        ChatResponse response = sandbox.complete(ask("gpt-5.4", "Hi").toBuilder().stop(List.of("simulated", "You")).build());

        assertThat(response.message().text()).isEqualTo("[sandbox/gpt-5.4] ");
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void unknownModelFailsWithProviderModelNotFound() {
        assertThatThrownBy(() -> sandbox.complete(ask("gpt-0", "Hi")))
                .isInstanceOfSatisfying(ArbiterException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_MODEL_NOT_FOUND));
        assertThatThrownBy(() -> sandbox.stream(ask("gpt-0", "Hi")))
                .isInstanceOfSatisfying(ArbiterException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_MODEL_NOT_FOUND));
    }

    @Test
    void aNamedFunctionMissingFromTheToolsIsRejected() {
        ChatRequest request = ask("gpt-5.4", "Hi").toBuilder()
                .tools(List.of(tool("get_weather", WEATHER_SCHEMA))).toolChoice(ToolChoice.function("nope")).build();

        assertThatThrownBy(() -> sandbox.complete(request))
                .isInstanceOfSatisfying(ArbiterException.class, e -> assertThat(e.param()).isEqualTo("tool_choice"));
    }
}
