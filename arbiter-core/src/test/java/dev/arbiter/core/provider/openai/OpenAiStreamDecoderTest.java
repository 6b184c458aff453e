package dev.arbiter.core.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.provider.SseEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream decoder's handling of OpenAI chunks and of what compatible hosts do differently. */
class OpenAiStreamDecoderTest {
    private final OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();

    @Test
    void decodesOpenAisChunkSequence() {
        List<StreamEvent> events = feed(
                "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":5,\"model\":\"gpt\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
                "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}],\"usage\":null}",
                "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}",
                "{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}",
                "[DONE]");
        assertThat(events).containsExactly(new StreamEvent.Start("c1", "gpt", 5), new StreamEvent.TextDelta(0, "Hi"),
                new StreamEvent.Finish(0, FinishReason.STOP), new StreamEvent.UsageReport(Usage.of(3, 1)));
        assertThat(decoder.isDone()).isTrue();
        assertThat(decoder.finish()).isEmpty();
    }

    @Test
    void toolCallsWithoutIndexGetOneFromTheirIds() {
        List<StreamEvent> events = feed(
                "{\"id\":\"c\",\"choices\":[{\"delta\":{\"tool_calls\":[{\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}}]}",
                "{\"id\":\"c\",\"choices\":[{\"delta\":{\"tool_calls\":[{\"id\":\"b\",\"function\":{\"name\":\"g\",\"arguments\":{\"x\":1}}}]}}]}",
                "{\"id\":\"c\",\"choices\":[{\"delta\":{},\"finish_reason\":\"tool_calls\"}]}");
        assertThat(events).contains(new StreamEvent.ToolCallDelta(0, 0, "a", "f", "{}"),
                new StreamEvent.ToolCallDelta(0, 1, "b", "g", "{\"x\":1}"));
    }

    @Test
    void usageOnOrdinaryChunksIsReportedOnceAtDone() {
        List<StreamEvent> events = feed(
                "{\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}",
                "{\"id\":\"c\",\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}",
                "[DONE]");
        assertThat(events.stream().filter(e -> e instanceof StreamEvent.UsageReport))
                .containsExactly(new StreamEvent.UsageReport(Usage.of(1, 2)));
    }

    @Test
    void anErrorEventFailsTheStreamWithTheUpstreamMessage() {
        feed("{\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"a\"}}]}");
        assertThatThrownBy(() -> decoder.decode(new SseEvent("error", "{\"error\":{\"message\":\"Overloaded\",\"type\":\"server_error\"}}")))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
                    assertThat(e.getMessage()).contains("Overloaded");
                });
    }

    @Test
    void unparseableDataIsABadResponse() {
        assertThatThrownBy(() -> decoder.decode(new SseEvent(null, "{\"choices\": [1, 2"))).isInstanceOfSatisfying(
                ArbiterException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_BAD_RESPONSE));
        assertThatThrownBy(() -> decoder.decode(new SseEvent(null, "{\"choices\":{}}"))).isInstanceOfSatisfying(
                ArbiterException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_BAD_RESPONSE));
    }

    @Test
    void aStreamThatEndsWithoutDoneFails() {
        feed("{\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"}]}");
        assertThatThrownBy(decoder::finish).isInstanceOfSatisfying(ArbiterException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
            assertThat(e.getMessage()).contains("stream ended before completion");
        });
    }

    private List<StreamEvent> feed(String... data) {
        List<StreamEvent> out = new ArrayList<>();
        for (String d : data) {
            out.addAll(decoder.decode(new SseEvent(null, d)));
        }
        return out;
    }
}
