package dev.arbiter.core.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.provider.SseEvent;
import dev.arbiter.core.provider.StreamDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicDecodingTest {
    private final AnthropicCodec codec = new AnthropicCodec(InstantSource.fixed(Instant.ofEpochSecond(1_700_000_000)));

    private ChatResponse decode(String json) {
        return codec.decodeResponse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<StreamEvent> feed(StreamDecoder decoder, String... events) {
        List<StreamEvent> out = new ArrayList<>();
        for (String e : events) {
            int newline = e.indexOf('\n');
            out.addAll(decoder.decode(new SseEvent(e.substring(0, newline), e.substring(newline + 1))));
        }
        return out;
    }

    @Test
    void decodesTextToolUseAndThinkingAndConvertsUsage() {
        ChatResponse r = decode("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-x",
                 "content":[{"type":"thinking","thinking":"hmm","signature":"s"},{"type":"text","text":"Checking "},
                            {"type":"text","text":"now."},{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":20,"cache_creation_input_tokens":30,"cache_read_input_tokens":100,"output_tokens":15}}""");

        assertThat(r.id()).isEqualTo("msg_1");
        assertThat(r.model()).isEqualTo("claude-x");
        assertThat(r.created()).isEqualTo(1_700_000_000L);
        assertThat(r.message().text()).isEqualTo("Checking now.");
        assertThat(r.message().reasoning()).containsExactly(new dev.arbiter.core.chat.ReasoningBlock.Thought("hmm", "s"));
        assertThat(r.message().toolCalls()).containsExactly(new ToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(r.choices().getFirst().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(r.usage()).isEqualTo(new Usage(150, 15, 100, 0, 30));
    }

    @Test
    void mapsStopReasons() {
        assertThat(finishOf("end_turn")).isEqualTo(FinishReason.STOP);
        assertThat(finishOf("stop_sequence")).isEqualTo(FinishReason.STOP);
        assertThat(finishOf("max_tokens")).isEqualTo(FinishReason.LENGTH);
        assertThat(finishOf("refusal")).isEqualTo(FinishReason.CONTENT_FILTER);
    }

    private FinishReason finishOf(String stopReason) {
        return decode("{\"id\":\"m\",\"content\":[],\"stop_reason\":\"" + stopReason + "\",\"usage\":{}}").choices().getFirst().finishReason();
    }

    @Test
    void aBodyWithoutContentIsABadResponse() {
        assertThatThrownBy(() -> decode("{\"id\":\"m\"}")).isInstanceOfSatisfying(ArbiterException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_BAD_RESPONSE));
        assertThatThrownBy(() -> decode("<html>")).isInstanceOfSatisfying(ArbiterException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_BAD_RESPONSE));
    }

    @Test
    void streamOverlaysCumulativeUsageAndGivesANoArgumentToolAnEmptyObject() {
        StreamDecoder decoder = codec.newStreamDecoder();
        List<StreamEvent> events = feed(decoder,
                "message_start\n{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-x\",\"usage\":"
                        + "{\"input_tokens\":10,\"cache_read_input_tokens\":5,\"output_tokens\":1}}}",
                "content_block_start\n{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}",
                "content_block_delta\n{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hmm\"}}",
                "content_block_stop\n{\"type\":\"content_block_stop\",\"index\":0}",
                "content_block_start\n{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"now\",\"input\":{}}}",
                "content_block_delta\n{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}",
                "content_block_stop\n{\"type\":\"content_block_stop\",\"index\":1}",
                "some_future_event\n{\"type\":\"some_future_event\"}",
                "message_delta\n{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":9,\"input_tokens\":null}}",
                "message_stop\n{\"type\":\"message_stop\"}");

        assertThat(events).containsExactly(
                new StreamEvent.Start("msg_1", "claude-x", 1_700_000_000L),
                new StreamEvent.ReasoningDelta(0, 0, "", null, null),
                new StreamEvent.ReasoningDelta(0, 0, "hmm", null, null),
                new StreamEvent.ToolCallDelta(0, 0, "toolu_1", "now", ""),
                new StreamEvent.ToolCallDelta(0, 0, null, null, "{}"),
                new StreamEvent.Finish(0, FinishReason.TOOL_CALLS),
                new StreamEvent.UsageReport(new Usage(15, 9, 5, 0, 0)));
        assertThat(decoder.isDone()).isTrue();
        assertThat(decoder.finish()).isEmpty();
    }

    @Test
    void aStreamThatClosesBeforeMessageStopFails() {
        StreamDecoder decoder = codec.newStreamDecoder();
        feed(decoder, "message_start\n{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"m\",\"usage\":{}}}");
        assertThatThrownBy(decoder::finish).isInstanceOfSatisfying(ArbiterException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR));
    }

    @Test
    void anErrorEventBecomesTheMatchingArbiterError() {
        StreamDecoder decoder = codec.newStreamDecoder();
        assertThatThrownBy(() -> feed(decoder, "error\n{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_RATE_LIMITED);
                    assertThat(e.getMessage()).contains("slow down");
                });
    }

    @Test
    void mapsHttpErrorsByTypeThenStatusWithRetryAfter() {
        ArbiterException limited = codec.decodeError(429, Map.of("retry-after", List.of("12")), """
                {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your rate limit"}}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(limited.kind()).isEqualTo(ErrorKind.PROVIDER_RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(limited.code()).isEqualTo("rate_limit_error");

        assertThat(codec.decodeError(503, Map.of(), "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"x\"}}"
                .getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE);
        ArbiterException html = codec.decodeError(502, Map.of(), "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(html.getMessage()).contains("Bad gateway");
        assertThat(codec.decodeError(401, Map.of(), new byte[0]).kind()).isEqualTo(ErrorKind.PROVIDER_AUTH_FAILED);
    }
}
