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

    /**
     * What Claude Code sends: cached system blocks (one with a one-hour TTL), a cached last tool, signed thinking and
     * redacted thinking in assistant history, a failed tool result, a cached tool result next to the user's text in
     * one turn, top-level automatic caching, thinking with an effort, service tier and the user id.
     */
    @Test
    void aClaudeCodeRequestReachesAnthropicAsItWasSent() {
        String body = """
                {"model":"claude-opus-4-6","max_tokens":32000,"stream":true,"temperature":1.0,
                 "system":[{"type":"text","text":"You are Claude Code.","cache_control":{"type":"ephemeral"}},
                           {"type":"text","text":"Work in /repo.","cache_control":{"type":"ephemeral","ttl":"1h"}}],
                 "tools":[{"name":"Read","description":"Read a file","input_schema":{"type":"object","properties":{"path":{"type":"string"}}}},
                          {"name":"Bash","description":"Run a command","input_schema":{"type":"object"},"cache_control":{"type":"ephemeral"}}],
                 "messages":[
                   {"role":"user","content":[{"type":"text","text":"<system-reminder>ctx</system-reminder>"},
                                             {"type":"text","text":"Fix the test"}]},
                   {"role":"assistant","content":[{"type":"thinking","thinking":"Read it first.","signature":"sig-1"},
                                                  {"type":"redacted_thinking","data":"opaque=="},
                                                  {"type":"text","text":"Reading."},
                                                  {"type":"tool_use","id":"toolu_1","name":"Read","input":{"path":"a.txt"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"no such file","is_error":true},
                                             {"type":"text","text":"try b.txt","cache_control":{"type":"ephemeral"}}]},
                   {"role":"assistant","content":[{"type":"tool_use","id":"toolu_2","name":"Read","input":{"path":"b.txt"},
                                                   "cache_control":{"type":"ephemeral"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_2",
                                              "content":[{"type":"text","text":"ok","cache_control":{"type":"ephemeral"}}]},
                                             {"type":"tool_result","tool_use_id":"toolu_3","content":"done",
                                              "cache_control":{"type":"ephemeral","ttl":"5m"}}]}],
                 "thinking":{"type":"enabled","budget_tokens":31999,"display":"summarized"},
                 "output_config":{"effort":"high"},"service_tier":"standard_only","cache_control":{"type":"ephemeral"},
                 "top_k":5,"metadata":{"user_id":"user_abc_account_x_session_y"}}""";
        ChatRequest request = new AnthropicIngress().parseRequest(body.getBytes(StandardCharsets.UTF_8));

        var settings = new UpstreamSettings("anthropic", URI.create("https://api.anthropic.com/v1"), "k", Map.of(), null);
        byte[] sent = new AnthropicCodec().encode(request, settings).body();

        assertThat(Json.parse(sent)).isEqualTo(Json.parse(body));
    }

    @Test
    void adaptiveAndDisabledThinkingReachAnthropicAsSent() {
        for (String thinking : new String[] {"{\"type\":\"adaptive\"}", "{\"type\":\"adaptive\",\"display\":\"omitted\"}",
                "{\"type\":\"disabled\"}"}) {
            String body = "{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":"
                    + "[{\"type\":\"text\",\"text\":\"hi\"}]}],\"thinking\":" + thinking + "}";
            ChatRequest request = new AnthropicIngress().parseRequest(body.getBytes(StandardCharsets.UTF_8));
            var settings = new UpstreamSettings("anthropic", URI.create("https://api.anthropic.com/v1"), "k", Map.of(), null);
            assertThat(Json.parse(new AnthropicCodec().encode(request, settings).body())).isEqualTo(Json.parse(body));
        }
    }
}
