package dev.arbiter.core.provider.sandbox;

import static dev.arbiter.core.provider.sandbox.SandboxFixtures.WEATHER_SCHEMA;
import static dev.arbiter.core.provider.sandbox.SandboxFixtures.ask;
import static dev.arbiter.core.provider.sandbox.SandboxFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.error.ArbiterException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxStreamTest {
    private final RecordingPacer pacer = new RecordingPacer();
    private final SandboxProvider sandbox = SandboxFixtures.sandbox(pacer);

    @Test
    void streamedTextEqualsTheCompletedText() {
        for (ChatRequest request : List.of(ask("gpt-5.4", "Explain TCP slow start in one paragraph, please"),
                ask("claude-opus-4-6", "Grüße aus Köln 😀 — 日本語もどうぞ"),
                ask("gpt-5.4", "fruits").toBuilder().responseFormat(ResponseFormat.JSON_OBJECT).build(),
                ask("gpt-5.4", "story").toBuilder().maxTokens(7).build())) {
            ChatResponse complete = sandbox.complete(request);
            List<StreamEvent> events = drain(sandbox.stream(request));

            assertThat(text(events)).isEqualTo(complete.message().text());
            assertThat(events.getFirst()).isInstanceOf(StreamEvent.Start.class);
            assertThat(events).contains(new StreamEvent.Finish(0, complete.choices().getFirst().finishReason()));
            assertThat(events.getLast()).isEqualTo(new StreamEvent.UsageReport(complete.usage()));
        }
    }

    @Test
    void textArrivesInSeveralPiecesOfAFewTokensEach() {
        List<StreamEvent> events = drain(sandbox.stream(ask("gpt-5.4", "Hello")));

        List<StreamEvent.TextDelta> deltas = events.stream()
                .filter(StreamEvent.TextDelta.class::isInstance).map(StreamEvent.TextDelta.class::cast).toList();
        assertThat(deltas).hasSizeGreaterThan(5);
        assertThat(deltas).allSatisfy(d -> assertThat(TokenCounter.count(d.text())).isBetween(1, 6));
    }

    @Test
    void aToolCallStreamsIdAndNameFirstThenItsArgumentsInPieces() {
        ChatRequest request = ask("gpt-5.4", "Weather?").toBuilder()
                .tools(List.of(tool("get_weather", WEATHER_SCHEMA))).toolChoice(ToolChoice.REQUIRED).build();

        List<StreamEvent.ToolCallDelta> deltas = drain(sandbox.stream(request)).stream()
                .filter(StreamEvent.ToolCallDelta.class::isInstance).map(StreamEvent.ToolCallDelta.class::cast).toList();

        assertThat(deltas.getFirst().id()).startsWith("call_");
        assertThat(deltas.getFirst().name()).isEqualTo("get_weather");
        List<StreamEvent.ToolCallDelta> rest = deltas.subList(1, deltas.size());
        assertThat(rest).hasSizeGreaterThanOrEqualTo(2).allSatisfy(d -> assertThat(d.id()).isNull());
        String arguments = String.join("", rest.stream().map(StreamEvent.ToolCallDelta::argumentsDelta).toList());
        assertThat(arguments).isEqualTo(sandbox.complete(request).message().toolCalls().getFirst().argumentsJson());
    }

    @Test
    void evenEmptyArgumentsArriveInTwoPieces() {
        ChatRequest request = ask("gpt-5.4", "Time?").toBuilder()
                .tools(List.of(tool("get_time", "{\"type\":\"object\"}"))).build();

        List<String> pieces = drain(sandbox.stream(request)).stream()
                .filter(e -> e instanceof StreamEvent.ToolCallDelta d && d.id() == null)
                .map(e -> ((StreamEvent.ToolCallDelta) e).argumentsDelta()).toList();

        assertThat(pieces).containsExactly("{", "}");
    }

    @Test
    void aClosedStreamStopsPacingAndThrowsOnTheNextRead() {
        EventStream stream = sandbox.stream(ask("gpt-5.4", "Hello"));
        stream.next();
        pacer.onPause(stream::close);

        assertThatThrownBy(stream::next).isInstanceOf(ArbiterException.class);
        assertThat(pacer.pauses()).hasSize(1);
        assertThatThrownBy(stream::next).isInstanceOf(ArbiterException.class);
        assertThat(pacer.pauses()).hasSize(1);
    }

    @Test
    void closingAFinishedStreamIsHarmless() {
        EventStream stream = sandbox.stream(ask("gpt-5.4", "Hello"));
        drain(stream);

        stream.close();
        stream.close();

        assertThat(stream.next()).isNull();
    }

    @Test
    void theFinishReasonOfATruncatedStreamIsLength() {
        List<StreamEvent> events = drain(sandbox.stream(ask("gpt-5.4", "Hello").toBuilder().maxTokens(3).build()));

        assertThat(events).contains(new StreamEvent.Finish(0, FinishReason.LENGTH));
    }

    static List<StreamEvent> drain(EventStream stream) {
        List<StreamEvent> events = new ArrayList<>();
        for (StreamEvent e = stream.next(); e != null; e = stream.next()) {
            events.add(e);
        }
        return events;
    }

    static String text(List<StreamEvent> events) {
        StringBuilder text = new StringBuilder();
        events.forEach(e -> {
            if (e instanceof StreamEvent.TextDelta d) {
                text.append(d.text());
            }
        });
        return text.toString();
    }
}
