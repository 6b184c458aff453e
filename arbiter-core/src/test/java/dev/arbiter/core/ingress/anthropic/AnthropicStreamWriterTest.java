package dev.arbiter.core.ingress.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.ingress.StreamWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicStreamWriterTest {
    private final StreamWriter writer = new AnthropicIngress().newStreamWriter("claude-sonnet-4-5", false);

    private String write(StreamEvent... events) {
        StringBuilder out = new StringBuilder();
        for (StreamEvent e : events) {
            out.append(writer.onEvent(e));
        }
        return out.toString();
    }

    private static String sse(String event, String json) {
        return "event: " + event + "\ndata: " + json + "\n\n";
    }

    @Test
    void writesTheExactEventSequenceForTextThenAToolCall() {
        String written = write(
                new StreamEvent.Start("msg_1", "upstream", 0),
                new StreamEvent.TextDelta(0, "Let me "),
                new StreamEvent.TextDelta(0, "check."),
                new StreamEvent.ToolCallDelta(0, 0, "toolu_1", "get_weather", ""),
                new StreamEvent.ToolCallDelta(0, 0, null, null, "{\"city\":"),
                new StreamEvent.ToolCallDelta(0, 0, null, null, "\"Paris\"}"),
                new StreamEvent.Finish(0, FinishReason.TOOL_CALLS),
                new StreamEvent.UsageReport(new Usage(120, 30, 100, 0, 0)));

        assertThat(written).isEqualTo(String.join("",
                sse("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                        + "\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
                        + "\"usage\":{\"input_tokens\":0,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":0}}}"),
                sse("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Let me \"}}"),
                sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"check.\"}}"),
                sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                sse("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                        + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}}"),
                sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                        + "{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\":\"}}"),
                sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                        + "{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"Paris\\\"}\"}}"),
                sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"),
                sse("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},"
                        + "\"usage\":{\"input_tokens\":20,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":100,\"output_tokens\":30}}"),
                sse("message_stop", "{\"type\":\"message_stop\"}")));
        assertThat(writer.onEnd()).isEmpty();
    }

    @Test
    void eachToolCallGetsItsOwnBlock() {
        String written = write(new StreamEvent.Start("msg_1", "m", 0),
                new StreamEvent.ToolCallDelta(0, 0, "toolu_1", "a", "{}"),
                new StreamEvent.ToolCallDelta(0, 1, "toolu_2", "b", "{}"));
        assertThat(written).contains("\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\"")
                .contains("\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_2\"")
                .contains(sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
    }

    @Test
    void endsAtOnEndWhenTheUpstreamReportedNoUsage() {
        String written = write(new StreamEvent.Start("msg_1", "m", 0), new StreamEvent.TextDelta(0, "Hi"),
                new StreamEvent.Finish(0, FinishReason.LENGTH));
        assertThat(written).endsWith(sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));

        assertThat(writer.onEnd()).isEqualTo(
                sse("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\",\"stop_sequence\":null},"
                        + "\"usage\":{\"input_tokens\":0,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":0}}")
                + sse("message_stop", "{\"type\":\"message_stop\"}"));
        assertThat(writer.onEnd()).isEmpty();
    }

    @Test
    void failsWithAnErrorEventOfTheMatchingType() {
        write(new StreamEvent.Start("msg_1", "m", 0), new StreamEvent.TextDelta(0, "Hal"));

        String error = writer.onError(new ArbiterException(ErrorKind.PROVIDER_UNAVAILABLE, "upstream overloaded"));

        assertThat(error).isEqualTo(sse("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"upstream overloaded\"}}"));
        assertThat(writer.onEnd()).isEmpty();
        assertThat(writer.onEvent(new StreamEvent.TextDelta(0, "more"))).isEmpty();
    }

    @Test
    void ignoresChoicesOtherThanTheFirst() {
        String written = write(new StreamEvent.Start("msg_1", "m", 0), new StreamEvent.TextDelta(1, "other"));
        assertThat(written).doesNotContain("other");
        assertThat(List.of(written.split("\n\n"))).hasSize(1);
    }
}
