package dev.arbiter.core.ingress.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.ingress.StreamWriter;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.SseEvent;
import dev.arbiter.core.provider.StreamDecoder;
import dev.arbiter.core.provider.anthropic.AnthropicCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thinking that an Anthropic upstream returns reaches a Claude client unchanged, whole or streamed. */
class AnthropicThinkingRelayTest {
    private final AnthropicCodec codec = new AnthropicCodec();
    private final AnthropicIngress ingress = new AnthropicIngress();

    @Test
    void aWholeAnswerKeepsItsThinkingAndRedactedBlocksAheadOfTheText() {
        String upstream = """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-x",
                 "content":[{"type":"thinking","thinking":"Two plus two.","signature":"EqQBsig=="},
                            {"type":"redacted_thinking","data":"EmwKAhgB"},{"type":"text","text":"4"}],
                 "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":20}}""";
        ChatResponse response = codec.decodeResponse(upstream.getBytes(StandardCharsets.UTF_8));

        JsonNode rendered = Json.parse(ingress.renderResponse(response, "claude-x"));

        assertThat(rendered.get("content")).isEqualTo(Json.parse(upstream).get("content"));
    }

    @Test
    void aStreamRelaysThinkingDeltasSignatureDeltasAndRedactedBlocks() {
        List<String> upstream = List.of(
                event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-x\",\"usage\":{\"input_tokens\":5}}}"),
                event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}"),
                event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Two plus \"}}"),
                event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"two.\"}}"),
                event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"EqQBsig==\"}}"),
                event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"redacted_thinking\",\"data\":\"EmwKAhgB\"}}"),
                event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"),
                event("content_block_start", "{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"text_delta\",\"text\":\"4\"}}"),
                event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":2}"),
                event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":20}}"),
                event("message_stop", "{\"type\":\"message_stop\"}"));

        List<String> relayed = relay(upstream);

        // Every content block event reaches the client as the upstream sent it (the writer always names "signature").
        List<String> blockEvents = upstream.stream().filter(e -> e.startsWith("event: content_block")).toList();
        assertThat(relayed.stream().filter(e -> e.startsWith("event: content_block")).map(AnthropicThinkingRelayTest::data).toList())
                .isEqualTo(blockEvents.stream().map(AnthropicThinkingRelayTest::data).toList());
        assertThat(relayed.getLast()).startsWith("event: message_stop");
    }

    private List<String> relay(List<String> upstream) {
        StreamDecoder decoder = codec.newStreamDecoder();
        StreamWriter writer = ingress.newStreamWriter("claude-x", true);
        StringBuilder out = new StringBuilder();
        for (String e : upstream) {
            String[] lines = e.split("\n");
            for (StreamEvent canonical : decoder.decode(new SseEvent(lines[0].substring(7), lines[1].substring(6)))) {
                out.append(writer.onEvent(canonical));
            }
        }
        out.append(writer.onEnd());
        List<String> events = new ArrayList<>(List.of(out.toString().split("\n\n")));
        events.removeIf(String::isBlank);
        return events;
    }

    private static String event(String name, String json) {
        return "event: " + name + "\ndata: " + json;
    }

    private static JsonNode data(String event) {
        return Json.parse(event.substring(event.indexOf("data: ") + 6));
    }
}
