package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.ToolChoiceAny;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.arbiter.core.json.Json;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI (and Anthropic) Java SDKs against a keyless sandbox gateway: the simulated model's tool
 * calls carry arguments valid for the tool's schema, its JSON-schema answers parse, and an agent loop ends in text.
 */
class SandboxSdkTest {
    static final String MODEL = "sandbox/gpt-5.4-mini";
    private static final String FORECAST_SCHEMA = """
            {"type": "object",
             "properties": {
               "city": {"type": "string"},
               "days": {"type": "integer", "minimum": 1, "maximum": 7},
               "conditions": {"type": "array", "items": {"type": "string", "enum": ["sun", "rain", "snow"]}},
               "warning": {"type": "boolean"}},
             "required": ["city", "days", "conditions", "warning"],
             "additionalProperties": false}""";

    private ArbiterServer sandbox;
    private OpenAIClient client;
    private AnthropicClient anthropic;

    @BeforeEach
    void startSandbox() {
        sandbox = GatewayHarness.sandbox();
        URI gateway = URI.create("http://127.0.0.1:" + sandbox.port());
        client = OpenAiSdkBase.openAiClient(gateway);
        anthropic = AnthropicSdkBase.anthropicClient(gateway);
    }

    @AfterEach
    void stopSandbox() {
        client.close();
        anthropic.close();
        sandbox.close();
    }

    @Test
    void toolCallArgumentsAreValidForTheToolSchemaAndTheLoopEndsInText() {
        ChatCompletion first = client.chat().completions().create(OpenAiSdkBase.ask(MODEL, "What's the weather in Lisbon?")
                .addTool(OpenAiSdkBase.weatherTool())
                .toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED)
                .build());

        assertThat(first.model()).isEqualTo(MODEL);
        ChatCompletion.Choice choice = first.choices().getFirst();
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessageFunctionToolCall call = choice.message().toolCalls().orElseThrow().getFirst().asFunction();
        assertThat(call.id()).startsWith("call_");
        assertThat(call.function().name()).isEqualTo("get_weather");
        JsonNode arguments = Json.parse(call.function().arguments());
        assertThat(JsonSchemaCheck.violations(Json.parse(OpenAiSdkBase.WEATHER_SCHEMA), arguments)).isEmpty();
        assertThat(first.usage().orElseThrow().promptTokens()).isPositive();

        ChatCompletion second = client.chat().completions().create(OpenAiSdkBase.ask(MODEL, "What's the weather in Lisbon?")
                .addTool(OpenAiSdkBase.weatherTool())
                .addMessage(choice.message())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id())
                        .content("{\"temperature\":24,\"unit\":\"c\"}").build())
                .build());

        assertThat(second.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(second.choices().getFirst().message().content()).hasValueSatisfying(text -> assertThat(text).isNotBlank());
        assertThat(second.choices().getFirst().message().toolCalls()).isEmpty();
    }

    @Test
    void streamedToolCallIsAssembledWithSchemaValidArguments() {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                OpenAiSdkBase.ask(MODEL, "Use get_weather for Porto").addTool(OpenAiSdkBase.weatherTool()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        ChatCompletion.Choice choice = accumulator.chatCompletion().choices().getFirst();
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessageFunctionToolCall call = choice.message().toolCalls().orElseThrow().getFirst().asFunction();
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(JsonSchemaCheck.violations(Json.parse(OpenAiSdkBase.WEATHER_SCHEMA), Json.parse(call.function().arguments())))
                .isEmpty();
    }

    @Test
    void jsonSchemaResponseFormatAnswerParsesAndFollowsTheSchema() {
        ChatCompletion completion = client.chat().completions().create(OpenAiSdkBase.ask(MODEL, "Forecast for Faro")
                .responseFormat(ResponseFormatJsonSchema.builder()
                        .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                                .name("forecast")
                                .strict(true)
                                .schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                                        .putAllAdditionalProperties(OpenAiSdkBase.jsonObject(FORECAST_SCHEMA))
                                        .build())
                                .build())
                        .build())
                .build());

        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        JsonNode answer = Json.parse(choice.message().content().orElseThrow());
        assertThat(JsonSchemaCheck.violations(Json.parse(FORECAST_SCHEMA), answer)).isEmpty();
    }

    @Test
    void structuredOutputDeserializesIntoTheSdkType() {
        OpenAiSdkBase.CityFacts facts = client.chat().completions()
                .create(OpenAiSdkBase.ask(MODEL, "Facts about Braga").responseFormat(OpenAiSdkBase.CityFacts.class).build())
                .choices().getFirst().message().content().orElseThrow();

        assertThat(facts.city).isNotNull();
        assertThat(facts.landmarks).isNotNull();
    }

    @Test
    void anthropicSdkGetsToolUseWithSchemaValidInput() {
        Message message = anthropic.messages().create(AnthropicSdkBase.ask(MODEL, "What's the weather in Coimbra?")
                .addTool(AnthropicSdkBase.weatherTool())
                .toolChoice(ToolChoiceAny.builder().build())
                .build());

        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        ToolUseBlock toolUse = message.content().stream().filter(ContentBlock::isToolUse).map(ContentBlock::asToolUse)
                .findFirst().orElseThrow();
        assertThat(toolUse.name()).isEqualTo("get_weather");
        assertThat(JsonSchemaCheck.violations(Json.parse(OpenAiSdkBase.WEATHER_SCHEMA), AnthropicSdkBase.tree(toolUse._input())))
                .isEmpty();
    }
}
