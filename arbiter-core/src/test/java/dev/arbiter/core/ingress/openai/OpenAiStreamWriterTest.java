package dev.arbiter.core.ingress.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.ingress.StreamWriter;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.SseEvent;
import dev.arbiter.core.provider.StreamDecoder;
import dev.arbiter.core.provider.openai.OpenAiCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writer's SSE text is OpenAI's chunk stream, and the OpenAI codec reads it back into the same events. */
class OpenAiStreamWriterTest {
    private static final List<StreamEvent> ANSWER = List.of(
            new StreamEvent.Start("chatcmpl-s1", "upstream-model", 1_712_000_000L),
            new StreamEvent.TextDelta(0, "Let me "),
            new StreamEvent.TextDelta(0, "check."),
            new StreamEvent.ToolCallDelta(0, 0, "call_1", "get_weather", ""),
            new StreamEvent.ToolCallDelta(0, 0, null, null, "{\"city\":"),
            new StreamEvent.ToolCallDelta(0, 0, null, null, "\"Paris\"}"),
            new StreamEvent.Finish(0, FinishReason.TOOL_CALLS),
            new StreamEvent.UsageReport(new Usage(50, 20, 0, 5, 0)));

    @Test
    void writesOpenAisChunkSequence() {
        List<JsonNode> chunks = data(write(new OpenAiIngress().newStreamWriter("auto", true), ANSWER));

        assertThat(chunks).hasSize(8);
        assertThat(chunks.getFirst()).isEqualTo(Json.parse("""
                {"id":"chatcmpl-s1","object":"chat.completion.chunk","created":1712000000,"model":"auto",
                 "choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,
                             "finish_reason":null}],"usage":null}"""));
        assertThat(chunks.get(1).at("/choices/0/delta")).isEqualTo(Json.parse("{\"content\":\"Let me \"}"));
        assertThat(chunks.get(3).at("/choices/0/delta")).isEqualTo(Json.parse("""
                {"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]}"""));
        assertThat(chunks.get(4).at("/choices/0/delta")).isEqualTo(Json.parse("""
                {"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\":"}}]}"""));
        assertThat(chunks.get(6).at("/choices/0")).isEqualTo(Json.parse(
                "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}"));
        assertThat(chunks.get(7).get("choices")).isEmpty();
        assertThat(chunks.get(7).at("/usage/total_tokens").asLong()).isEqualTo(70);
        assertThat(chunks.get(7).at("/usage/completion_tokens_details/reasoning_tokens").asLong()).isEqualTo(5);
    }

    @Test
    void endsWithDone() {
        String sse = write(new OpenAiIngress().newStreamWriter("auto", true), ANSWER);
        assertThat(sse).endsWith("data: [DONE]\n\n");
        assertThat(sse.split("\n\n")).allMatch(e -> e.startsWith("data: "));
    }

    @Test
    void leavesUsageOutUnlessTheCallerAskedForIt() {
        List<JsonNode> chunks = data(write(new OpenAiIngress().newStreamWriter("auto", false), ANSWER));
        assertThat(chunks).hasSize(7).allSatisfy(c -> {
            assertThat(c.has("usage")).isFalse();
            assertThat(c.get("choices")).isNotEmpty();
        });
    }

    @Test
    void theOpenAiCodecReadsTheWrittenStreamBackIntoTheSameEvents() {
        String sse = write(new OpenAiIngress().newStreamWriter("upstream-model", true), ANSWER);
        StreamDecoder decoder = new OpenAiCodec().newStreamDecoder();
        List<StreamEvent> decoded = new ArrayList<>();
        for (String event : sse.split("\n\n")) {
            decoded.addAll(decoder.decode(new SseEvent(null, event.substring("data: ".length()))));
        }
        assertThat(decoder.isDone()).isTrue();
        assertThat(decoded).containsExactlyElementsOf(ANSWER);
    }

    @Test
    void aFailureEndsTheChoiceWithFinishReasonErrorAndAnErrorObjectInOneLastChunkWithoutDone() {
        StreamWriter writer = new OpenAiIngress().newStreamWriter("auto", false);
        String sse = write(writer, ANSWER.subList(0, 2));
        sse += writer.onError(new ArbiterException(ErrorKind.PROVIDER_TIMEOUT, "upstream stream was idle for more than 60000 ms"));

        assertThat(sse).doesNotContain("[DONE]");
        List<String> events = Arrays.asList(sse.split("\n\n"));
        JsonNode last = Json.parse(events.getLast().substring(6));
        // one event: SDKs raise "error" before they would validate the unknown finish reason
        assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("error");
        assertThat(last.at("/choices/0/delta")).isEmpty();
        assertThat(last.get("error")).isEqualTo(Json.parse("""
                {"message":"upstream stream was idle for more than 60000 ms","type":"provider_timeout",
                 "param":null,"code":null}"""));
        assertThat(last.get("id").asText()).isEqualTo(Json.parse(events.getFirst().substring(6)).get("id").asText());
        assertThat(events.subList(0, events.size() - 1))
                .noneSatisfy(e -> assertThat(Json.parse(e.substring(6)).at("/choices/0/finish_reason").isTextual()).isTrue());
        StreamDecoder decoder = new OpenAiCodec().newStreamDecoder();
        assertThatThrownBy(() -> events.forEach(e -> decoder.decode(new SseEvent(null, e.substring(6)))))
                .isInstanceOfSatisfying(ArbiterException.class, e -> assertThat(e.getMessage()).contains("idle for more than"));
    }

    @Test
    void aSecondChoiceGetsItsOwnRoleChunk() {
        StreamWriter writer = new OpenAiIngress().newStreamWriter("auto", false);
        List<JsonNode> chunks = data(write(writer, List.of(new StreamEvent.Start("id", "m", 1),
                new StreamEvent.TextDelta(0, "a"), new StreamEvent.TextDelta(1, "b"))));
        assertThat(chunks.get(2).at("/choices/0/index").asInt()).isEqualTo(1);
        assertThat(chunks.get(2).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(chunks.get(3).at("/choices/0/delta/content").asText()).isEqualTo("b");
    }

    private static String write(StreamWriter writer, List<StreamEvent> events) {
        StringBuilder sb = new StringBuilder();
        events.forEach(e -> sb.append(writer.onEvent(e)));
        if (events.getLast() instanceof StreamEvent.UsageReport) {
            sb.append(writer.onEnd());
        }
        return sb.toString();
    }

    private static List<JsonNode> data(String sse) {
        List<JsonNode> out = new ArrayList<>();
        for (String event : sse.split("\n\n")) {
            String data = event.substring("data: ".length());
            if (!data.equals("[DONE]")) {
                out.add(Json.parse(data));
            }
        }
        return out;
    }
}
