package dev.arbiter.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.Role;
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
import dev.arbiter.core.transport.CodecProvider;
import dev.arbiter.testing.fake.FakeUpstream;
import dev.arbiter.testing.fake.RecordedRequest;
import dev.arbiter.testing.fake.ScriptedReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every provider codec must show against a fake upstream speaking its wire format. A new
 * vendor's test class extends this, supplies its codec and fake, and checks the vendor-specific encodings
 * through the {@code assert...Encoded} hooks.
 */
public abstract class ProviderContractSuite {
    protected static final String API_KEY = "test-key-123";
    protected static final String UPSTREAM_MODEL = "vendor-model-1";
    /** A 1x1 transparent PNG. */
    protected static final String PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    protected FakeUpstream fake;
    protected Provider provider;

    protected abstract FakeUpstream startFake();

    protected abstract ProviderCodec codec();

    /** The vendor's authentication header carries the key. */
    protected abstract void assertAuthenticated(RecordedRequest request, String apiKey);

    /** The system prompt and user text were sent the vendor's way. */
    protected abstract void assertSystemAndUserEncoded(RecordedRequest request, String system, String user);

    /** The tool was declared with its name, description and parameter schema, and the choice forces it. */
    protected abstract void assertToolEncoded(RecordedRequest request, ToolDefinition tool, String forcedName);

    /** The assistant's tool call and the tool's result went back in the vendor's shape. */
    protected abstract void assertToolResultEncoded(RecordedRequest request, ToolCall call, String result);

    /** The inline image reached the upstream with its media type and data. */
    protected abstract void assertImageEncoded(RecordedRequest request, String mediaType, String base64);

    /** JSON output constrained by the schema was asked for in the vendor's way. */
    protected abstract void assertJsonSchemaEncoded(RecordedRequest request, ObjectNode schema);

    /** The usage this vendor can express for a canonical usage (e.g. some do not report reasoning tokens). */
    protected Usage expressibleUsage(Usage usage) {
        return usage;
    }

    protected Duration idleTimeout() {
        return Duration.ofMillis(400);
    }

    @BeforeEach
    void startUpstream() {
        fake = startFake();
        var timeouts = new UpstreamSettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), idleTimeout(),
                Duration.ofSeconds(10));
        provider = new CodecProvider(codec(), new UpstreamSettings("fake", fake.baseUrl(), API_KEY, Map.of(), timeouts));
    }

    @AfterEach
    void stopUpstream() {
        fake.close();
    }

    protected static ChatRequest.Builder request(Message... messages) {
        return ChatRequest.builder(UPSTREAM_MODEL).messages(messages);
    }

    @Test
    void returnsTheAnswerTextFinishReasonAndUsage() {
        fake.enqueue(ScriptedReply.text("Paris is the capital of France.", Usage.of(21, 8)));
        ChatResponse response = provider.complete(request(Message.system("Be brief."), Message.user("Capital of France?")).build());

        assertThat(response.message().text()).isEqualTo("Paris is the capital of France.");
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(expressibleUsage(Usage.of(21, 8)));
        assertAuthenticated(fake.lastRequest(), API_KEY);
        assertSystemAndUserEncoded(fake.lastRequest(), "Be brief.", "Capital of France?");
    }

    @Test
    void streamedTextEqualsTheNonStreamedText() {
        String answer = "Streaming works one piece at a time, in order.";
        ScriptedReply reply = ScriptedReply.text(answer, Usage.of(30, 12))
                .withTiming(new ScriptedReply.Timing(Duration.ZERO, Duration.ZERO, 5));
        fake.enqueue(reply, reply);
        ChatRequest req = request(Message.user("Say something")).build();

        String whole = provider.complete(req).message().text();
        StreamTranscript streamed = StreamTranscript.drain(provider.stream(req.toBuilder().stream(true).includeUsage(true).build()));

        assertThat(streamed.text()).isEqualTo(whole).isEqualTo(answer);
        assertThat(streamed.textDeltas()).isGreaterThan(1);
        assertThat(streamed.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(streamed.usage()).isEqualTo(expressibleUsage(Usage.of(30, 12)));
    }

    @Test
    void mapsTheLengthStopReason() {
        fake.enqueue(ScriptedReply.text("cut sh", Usage.of(5, 2)).withFinishReason(FinishReason.LENGTH));
        ChatResponse response = provider.complete(request(Message.user("Write a novel")).maxTokens(2).build());
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void declaresToolsAndDecodesTheToolCall() {
        ToolDefinition tool = weatherTool();
        ToolCall call = new ToolCall("call_abc123", "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}");
        fake.enqueue(ScriptedReply.toolCalls(List.of(call), Usage.of(40, 15)));

        ChatResponse response = provider.complete(request(Message.user("Weather in Paris?"))
                .tools(List.of(tool)).toolChoice(ToolChoice.function("get_weather")).build());

        assertToolEncoded(fake.lastRequest(), tool, "get_weather");
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        ToolCall decoded = response.message().toolCalls().getFirst();
        assertThat(decoded.id()).isEqualTo(call.id());
        assertThat(decoded.name()).isEqualTo(call.name());
        assertThat(Json.parse(decoded.argumentsJson())).isEqualTo(Json.parse(call.argumentsJson()));
    }

    @Test
    void streamedToolCallsAssembleIntoTheSameCalls() {
        List<ToolCall> calls = List.of(
                new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"),
                new ToolCall("call_2", "get_weather", "{\"city\":\"Tokyo\",\"unit\":\"celsius\"}"));
        fake.enqueue(ScriptedReply.toolCalls(calls, Usage.of(40, 30)));

        StreamTranscript streamed = StreamTranscript.drain(provider.stream(request(Message.user("Paris and Tokyo?"))
                .tools(List.of(weatherTool())).stream(true).includeUsage(true).build()));

        assertThat(streamed.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(streamed.toolCalls()).hasSize(2);
        for (int i = 0; i < calls.size(); i++) {
            assertThat(streamed.toolCalls().get(i).id()).isEqualTo(calls.get(i).id());
            assertThat(streamed.toolCalls().get(i).name()).isEqualTo(calls.get(i).name());
            assertThat(Json.parse(streamed.toolCalls().get(i).argumentsJson())).isEqualTo(Json.parse(calls.get(i).argumentsJson()));
        }
    }

    @Test
    void sendsToolResultsBackInTheVendorsShape() {
        ToolCall call = new ToolCall("call_abc123", "get_weather", "{\"city\":\"Paris\"}");
        fake.enqueue(ScriptedReply.text("It is 18 degrees in Paris.", Usage.of(60, 9)));

        ChatResponse response = provider.complete(request(Message.user("Weather in Paris?"),
                Message.assistantToolCalls(List.of(call)), Message.toolResult(call.id(), "{\"temp_c\":18}"))
                .tools(List.of(weatherTool())).build());

        assertToolResultEncoded(fake.lastRequest(), call, "{\"temp_c\":18}");
        assertThat(response.message().text()).isEqualTo("It is 18 degrees in Paris.");
    }

    @Test
    void sendsInlineImages() {
        fake.enqueue(ScriptedReply.text("A transparent pixel.", Usage.of(90, 5)));
        Message withImage = new Message(Role.USER, List.of(new ContentPart.Text("What is this?"),
                ContentPart.Image.inline("image/png", PNG_BASE64, null)), List.of(), null, null);

        provider.complete(request(withImage).build());

        assertImageEncoded(fake.lastRequest(), "image/png", PNG_BASE64);
    }

    @Test
    void asksForJsonMatchingASchemaAndReturnsIt() {
        ObjectNode schema = (ObjectNode) Json.parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                + "\"required\":[\"city\"],\"additionalProperties\":false}");
        fake.enqueue(ScriptedReply.text("{\"city\":\"Paris\"}", Usage.of(30, 6)));

        ChatResponse response = provider.complete(request(Message.user("Which city is the capital of France?"))
                .responseFormat(ResponseFormat.jsonSchema("capital", schema, true)).build());

        assertJsonSchemaEncoded(fake.lastRequest(), schema);
        assertThat(Json.parse(response.message().text())).isEqualTo(Json.parse("{\"city\":\"Paris\"}"));
    }

    @Test
    void reportsCachedAndReasoningTokens() {
        Usage usage = new Usage(1200, 300, 1000, 120, 0);
        ScriptedReply reply = ScriptedReply.text("Done.", usage);
        fake.enqueue(reply, reply);
        ChatRequest req = request(Message.user("Think hard")).build();

        assertThat(provider.complete(req).usage()).isEqualTo(expressibleUsage(usage));
        StreamTranscript streamed = StreamTranscript.drain(provider.stream(req.toBuilder().stream(true).includeUsage(true).build()));
        assertThat(streamed.usage()).isEqualTo(expressibleUsage(usage));
    }

    @Test
    void mapsRateLimitsWithRetryAfter() {
        fake.enqueue(ScriptedReply.rateLimited("Rate limit reached for requests", Duration.ofSeconds(7)));
        assertThatThrownBy(() -> provider.complete(request(Message.user("hi")).build()))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(e.getMessage()).contains("Rate limit reached for requests");
                });
    }

    @Test
    void mapsUpstreamErrorsToWhoseFaultTheyAre() {
        assertUpstreamError(ScriptedReply.error(401, "Incorrect API key provided"), ErrorKind.PROVIDER_AUTH_FAILED);
        assertUpstreamError(ScriptedReply.error(400, "Invalid value for temperature"), ErrorKind.PROVIDER_REJECTED_REQUEST);
        assertUpstreamError(ScriptedReply.error(500, "The server had an error"), ErrorKind.PROVIDER_ERROR);
        assertUpstreamError(ScriptedReply.error(503, "The engine is currently overloaded"), ErrorKind.PROVIDER_UNAVAILABLE);
    }

    @Test
    void mapsErrorsBeforeAStreamStarts() {
        fake.enqueue(ScriptedReply.rateLimited("Too many requests", Duration.ofSeconds(2)));
        assertThatThrownBy(() -> StreamTranscript.drain(provider.stream(request(Message.user("hi")).stream(true).build())))
                .isInstanceOfSatisfying(ArbiterException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_RATE_LIMITED));
    }

    @Test
    void aStreamCutMidwayFailsInsteadOfEndingCleanly() {
        fake.enqueue(ScriptedReply.text("This answer will be cut off halfway through.", Usage.of(10, 10))
                .withTiming(new ScriptedReply.Timing(Duration.ZERO, Duration.ZERO, 6))
                .withFault(ScriptedReply.Fault.RESET_MID_STREAM));
        assertThatThrownBy(() -> StreamTranscript.drain(provider.stream(request(Message.user("hi")).stream(true).build())))
                .isInstanceOf(ArbiterException.class);
    }

    @Test
    void aGarbledStreamEventIsABadResponse() {
        fake.enqueue(ScriptedReply.text("Some text in pieces.", Usage.of(10, 10)).withFault(ScriptedReply.Fault.GARBLED_EVENT));
        assertThatThrownBy(() -> StreamTranscript.drain(provider.stream(request(Message.user("hi")).stream(true).build())))
                .isInstanceOfSatisfying(ArbiterException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_BAD_RESPONSE));
    }

    @Test
    void aStalledStreamTimesOutOnTheIdleWatchdog() {
        fake.enqueue(ScriptedReply.text("Never finishes.", Usage.of(10, 10))
                .withTiming(new ScriptedReply.Timing(Duration.ZERO, Duration.ZERO, 4))
                .withFault(ScriptedReply.Fault.STALL_MID_STREAM));
        assertThatThrownBy(() -> StreamTranscript.drain(provider.stream(request(Message.user("hi")).stream(true).build())))
                .isInstanceOfSatisfying(ArbiterException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_TIMEOUT));
    }

    private void assertUpstreamError(ScriptedReply reply, ErrorKind expected) {
        fake.enqueue(reply);
        assertThatThrownBy(() -> provider.complete(request(Message.user("hi")).build()))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(expected);
                    assertThat(e.getMessage()).contains(reply.errorMessage());
                });
    }

    protected static ToolDefinition weatherTool() {
        ObjectNode params = (ObjectNode) Json.parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
                + "\"unit\":{\"type\":\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]}},\"required\":[\"city\"]}");
        return new ToolDefinition("get_weather", "Current weather for a city", params, null);
    }
}
