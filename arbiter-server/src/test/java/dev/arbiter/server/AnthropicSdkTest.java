package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Base64ImageSource;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.Usage;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.json.Json;
import dev.arbiter.testing.fake.RecordedRequest;
import dev.arbiter.testing.fake.ScriptedReply;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official Anthropic Java SDK, unchanged, against the gateway's Messages API in front of each upstream vendor:
 * plain messages with usage, streams assembled by the SDK's MessageAccumulator, tool use with the tool result's
 * round trip, and inline images.
 */
class AnthropicSdkTest extends AnthropicSdkBase {
    private static final ToolCall PARIS = new ToolCall("toolu_wx_paris", "get_weather", "{\"city\":\"Paris\",\"unit\":\"c\"}");
    private static final ToolCall OSLO = new ToolCall("toolu_wx_oslo", "get_weather", "{\"city\":\"Oslo\",\"unit\":\"f\"}");

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void messageCarriesTextStopReasonAndUsage(String model) {
        Upstream.serving(model).fake(harness).enqueue(ScriptedReply.text("Paris is the capital of France.",
                new dev.arbiter.core.chat.Usage(120, 40, 100, 0, 0)));

        Message message = client.messages().create(ask(model, "Capital of France?").build());

        assertThat(message.model().asString()).isEqualTo(model);
        assertThat(message.id()).isNotBlank();
        assertThat(message.content()).singleElement().satisfies(block ->
                assertThat(block.asText().text()).isEqualTo("Paris is the capital of France."));
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        Usage usage = message.usage();
        assertThat(usage.inputTokens()).isEqualTo(20); // Anthropic counts cache reads apart from input_tokens
        assertThat(usage.cacheReadInputTokens()).contains(100L);
        assertThat(usage.cacheCreationInputTokens()).contains(0L);
        assertThat(usage.outputTokens()).isEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void streamedEventsAccumulateToTheScriptedTextAndEndWithMessageStop(String model) {
        String text = "Streaming works through the gateway, one piece at a time.";
        Upstream.serving(model).fake(harness).enqueue(ScriptedReply.text(text, tokens(12, 9)));

        MessageAccumulator accumulator = MessageAccumulator.create();
        List<RawMessageStreamEvent> events;
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(ask(model, "Stream").build())) {
            events = stream.stream().peek(accumulator::accumulate).toList();
        }

        assertThat(events.getFirst().isMessageStart()).isTrue();
        assertThat(events.getLast().isMessageStop()).isTrue();
        assertThat(events).filteredOn(RawMessageStreamEvent::isMessageStop).hasSize(1);
        String joined = events.stream().flatMap(e -> e.contentBlockDelta().stream())
                .flatMap(d -> d.delta().text().stream()).map(t -> t.text()).collect(Collectors.joining());
        assertThat(joined).isEqualTo(text);
        assertThat(events.stream().filter(RawMessageStreamEvent::isContentBlockDelta)).hasSizeGreaterThan(1);
        Message message = accumulator.message();
        assertThat(message.model().asString()).isEqualTo(model);
        assertThat(message.content()).singleElement().satisfies(b -> assertThat(b.asText().text()).isEqualTo(text));
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().inputTokens()).isEqualTo(12);
        assertThat(message.usage().outputTokens()).isEqualTo(9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void forcedToolUseIsParsedAndItsResultReachesTheUpstream(String model) {
        Upstream upstream = Upstream.serving(model);
        upstream.fake(harness).enqueue(ScriptedReply.toolCalls(List.of(PARIS), tokens(60, 15)),
                ScriptedReply.text("It is 21 degrees in Paris.", tokens(90, 8)));

        Message first = client.messages().create(ask(model, "Weather in Paris?")
                .addTool(weatherTool())
                .toolChoice(ToolChoiceTool.builder().name("get_weather").build())
                .build());

        RecordedRequest asked = upstream.fake(harness).lastRequest();
        assertThat(upstream.declaredFunctions(asked)).containsExactly("get_weather");
        assertThat(upstream.forcedFunction(asked)).isEqualTo("get_weather");
        assertThat(first.stopReason()).contains(StopReason.TOOL_USE);
        ToolUseBlock toolUse = onlyToolUse(first);
        assertThat(toolUse.id()).isEqualTo(PARIS.id());
        assertThat(toolUse.name()).isEqualTo("get_weather");
        assertThat(tree(toolUse._input())).isEqualTo(Json.parse(PARIS.argumentsJson()));

        Message second = client.messages().create(ask(model, "Weather in Paris?")
                .addTool(weatherTool())
                .addMessage(first)
                .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                        .toolUseId(toolUse.id()).content("{\"temperature\":21,\"unit\":\"c\"}").build())))
                .build());

        assertThat(second.stopReason()).contains(StopReason.END_TURN);
        assertThat(second.content()).singleElement()
                .satisfies(b -> assertThat(b.asText().text()).isEqualTo("It is 21 degrees in Paris."));
        Upstream.ToolRoundTrip roundTrip = upstream.toolRoundTrip(upstream.fake(harness).lastRequest());
        assertThat(roundTrip.callId()).isEqualTo(PARIS.id());
        assertThat(roundTrip.name()).isEqualTo("get_weather");
        assertThat(roundTrip.arguments()).isEqualTo(Json.parse(PARIS.argumentsJson()));
        assertThat(roundTrip.resultCallId()).isEqualTo(PARIS.id());
        assertThat(roundTrip.result()).isEqualTo(Json.parse("{\"temperature\":21,\"unit\":\"c\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void streamedToolUseBlocksAreAssembledByTheMessageAccumulator(String model) {
        Upstream.serving(model).fake(harness).enqueue(
                ScriptedReply.toolCalls(List.of(PARIS, OSLO), tokens(70, 30)));

        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(
                ask(model, "Weather in Paris and Oslo?").addTool(weatherTool()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        Message message = accumulator.message();
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        List<ToolUseBlock> uses = message.content().stream().filter(ContentBlock::isToolUse).map(ContentBlock::asToolUse).toList();
        assertThat(uses).extracting(ToolUseBlock::id).containsExactly(PARIS.id(), OSLO.id());
        assertThat(uses).extracting(ToolUseBlock::name).containsExactly("get_weather", "get_weather");
        assertThat(uses).extracting(u -> tree(u._input()))
                .containsExactly(Json.parse(PARIS.argumentsJson()), Json.parse(OSLO.argumentsJson()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void inlineImageBlockReachesTheUpstream(String model) {
        Upstream upstream = Upstream.serving(model);
        upstream.fake(harness).enqueue(ScriptedReply.text("A single pixel.", tokens(90, 4)));

        Message message = client.messages().create(MessageCreateParams.builder().model(model).maxTokens(256)
                .addUserMessageOfContentBlockParams(List.of(
                        ContentBlockParam.ofText("What is this?"),
                        ContentBlockParam.ofImage(Base64ImageSource.builder()
                                .mediaType(Base64ImageSource.MediaType.IMAGE_PNG).data(OpenAiSdkTest.PNG_BASE64).build())))
                .build());

        assertThat(message.content()).singleElement().extracting(ContentBlock::asText).extracting(TextBlock::text)
                .isEqualTo("A single pixel.");
        Upstream.InlineImage image = upstream.image(upstream.fake(harness).lastRequest());
        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(image.base64()).isEqualTo(OpenAiSdkTest.PNG_BASE64);
    }

    private static dev.arbiter.core.chat.Usage tokens(long input, long output) {
        return dev.arbiter.core.chat.Usage.of(input, output);
    }

    private static ToolUseBlock onlyToolUse(Message message) {
        List<ToolUseBlock> uses = message.content().stream().filter(ContentBlock::isToolUse).map(ContentBlock::asToolUse).toList();
        assertThat(uses).hasSize(1);
        return uses.getFirst();
    }
}
