package dev.arbiter.core.ingress.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.UpstreamSettings;
import dev.arbiter.core.provider.anthropic.AnthropicCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Claude client's request, parsed by the ingress and encoded by the Anthropic codec, reaches Anthropic unchanged. */
class AnthropicPassThroughTest {

    @Test
    void aClaudeRequestReachesAnthropicAsItWasSent() {
        String body = """
                {"model":"claude-sonnet-4-5","max_tokens":512,
                 "system":[{"type":"text","text":"You are terse."}],
                 "messages":[
                   {"role":"user","content":[{"type":"text","text":"Weather in Paris?"},
                     {"type":"image","source":{"type":"url","url":"https://example.com/paris.jpg"}}]},
                   {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18C"}]}],
                 "temperature":0.5,"top_p":0.9,"top_k":40,"stop_sequences":["END"],
                 "tools":[{"name":"get_weather","description":"Weather for a city","input_schema":{"type":"object"}}],
                 "tool_choice":{"type":"auto","disable_parallel_tool_use":true},
                 "metadata":{"user_id":"u-1"},"stream":true}""";
        ChatRequest request = new AnthropicIngress().parseRequest(body.getBytes(StandardCharsets.UTF_8));

        var settings = new UpstreamSettings("anthropic", URI.create("https://api.anthropic.com/v1"), "k", Map.of(), null);
        byte[] sent = new AnthropicCodec().encode(request, settings).body();

        assertThat(Json.parse(sent)).isEqualTo(Json.parse(body));
    }
}
