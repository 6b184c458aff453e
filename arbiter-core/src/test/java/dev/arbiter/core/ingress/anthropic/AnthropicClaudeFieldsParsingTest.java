package dev.arbiter.core.ingress.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.chat.CacheBreakpoint;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Reasoning;
import dev.arbiter.core.chat.ReasoningBlock;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields real Claude clients send (caching hints, thinking, effort, tier, failed tool results) parse into the canonical request. */
class AnthropicClaudeFieldsParsingTest {
    private static final String HI = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    private static ChatRequest parse(String json) {
        return new AnthropicIngress().parseRequest(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(String json, ErrorKind kind, String param) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ArbiterException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.param()).isEqualTo(param);
        });
    }

    @Test
    void carriesCacheControlOnSystemToolsBlocksAndTheWholeRequest() {
        ChatRequest r = parse("""
                {"model":"m","max_tokens":10,"cache_control":{"type":"ephemeral"},
                 "system":[{"type":"text","text":"S","cache_control":{"type":"ephemeral","ttl":"1h"}}],
                 "tools":[{"name":"f","input_schema":{"type":"object"},"cache_control":{"type":"ephemeral"}}],
                 "messages":[{"role":"user","content":[
                   {"type":"image","source":{"type":"url","url":"https://x/y.png"},"cache_control":{"type":"ephemeral"}},
                   {"type":"text","text":"hi","cache_control":{"type":"ephemeral","ttl":"5m"}}]},
                  {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"f","input":{},"cache_control":{"type":"ephemeral"}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"ok","cache_control":{"type":"ephemeral"}}]}]}""");

        assertThat(r.cache()).isEqualTo(CacheBreakpoint.EPHEMERAL);
        assertThat(r.messages().get(0).content()).containsExactly(new ContentPart.Text("S", new CacheBreakpoint("1h")));
        assertThat(r.tools().getFirst().cache()).isEqualTo(CacheBreakpoint.EPHEMERAL);
        assertThat(((ContentPart.Image) r.messages().get(1).content().get(0)).cache()).isEqualTo(CacheBreakpoint.EPHEMERAL);
        assertThat(r.messages().get(1).content().get(1)).isEqualTo(new ContentPart.Text("hi", new CacheBreakpoint("5m")));
        assertThat(r.messages().get(2).toolCalls().getFirst().cache()).isEqualTo(CacheBreakpoint.EPHEMERAL);
        assertThat(r.messages().get(3).cache()).isEqualTo(CacheBreakpoint.EPHEMERAL);
    }

    @Test
    void readsEachKindOfThinkingAndTheEffort() {
        assertThat(parse("{\"model\":\"m\",\"max_tokens\":9000,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":4000}," + HI + "}")
                .reasoning()).isEqualTo(Reasoning.enabled(4000));
        assertThat(parse("{\"model\":\"m\",\"max_tokens\":10,\"thinking\":{\"type\":\"adaptive\",\"display\":\"omitted\"}," + HI + "}")
                .reasoning()).isEqualTo(new Reasoning(Reasoning.Mode.ADAPTIVE, null, null, "omitted"));
        assertThat(parse("{\"model\":\"m\",\"max_tokens\":10,\"thinking\":{\"type\":\"disabled\"}," + HI + "}")
                .reasoning()).isEqualTo(Reasoning.disabled());
        assertThat(parse("{\"model\":\"m\",\"max_tokens\":10,\"output_config\":{\"effort\":\"max\"}," + HI + "}")
                .reasoning()).isEqualTo(new Reasoning(null, null, "max", null));
        assertThat(parse("{\"model\":\"m\",\"max_tokens\":10,\"thinking\":{\"type\":\"adaptive\"},\"output_config\":{\"effort\":\"low\"}," + HI + "}")
                .reasoning()).isEqualTo(Reasoning.adaptive().withEffort("low"));
    }

    @Test
    void keepsSignedAndRedactedThinkingOfAssistantTurnsInOrder() {
        ChatRequest r = parse("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"q"},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"plan","signature":"sig"},
                    {"type":"redacted_thinking","data":"enc"},{"type":"text","text":"answer"}]},
                  {"role":"user","content":"more"}]}""");

        Message assistant = r.messages().get(1);
        assertThat(assistant.reasoning()).containsExactly(new ReasoningBlock.Thought("plan", "sig"), new ReasoningBlock.Redacted("enc"));
        assertThat(assistant.text()).isEqualTo("answer");
    }

    @Test
    void flagsAFailedToolResultAndCarriesServiceTierAndTopK() {
        ChatRequest r = parse("""
                {"model":"m","max_tokens":10,"service_tier":"auto","top_k":3,"messages":[{"role":"user","content":[
                  {"type":"tool_result","tool_use_id":"t","content":"boom","is_error":true},
                  {"type":"tool_result","tool_use_id":"u","content":"fine","is_error":false}]}]}""");

        assertThat(r.messages().get(0).role()).isEqualTo(Role.TOOL);
        assertThat(r.messages().get(0).toolError()).isTrue();
        assertThat(r.messages().get(1).toolError()).isFalse();
        assertThat(r.serviceTier()).isEqualTo("auto");
        assertThat(r.topK()).isEqualTo(3);
    }

    @Test
    void acceptsEmptyCitationsOnEchoedTextBlocks() {
        ChatRequest r = parse("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"q"},
                  {"role":"assistant","content":[{"type":"text","text":"a","citations":[]}]},{"role":"user","content":"b"}]}""");
        assertThat(r.messages().get(1).content()).containsExactly(new ContentPart.Text("a"));
    }

    @Test
    void refusesMalformedHintsNamingTheField() {
        assertRejected("{\"model\":\"m\",\"max_tokens\":10,\"system\":[{\"type\":\"text\",\"text\":\"s\",\"cache_control\":{\"type\":\"persistent\"}}],"
                + HI + "}", ErrorKind.CALLER_INVALID_REQUEST, "system[0].cache_control.type");
        assertRejected("{\"model\":\"m\",\"max_tokens\":10,\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"2h\"}," + HI + "}",
                ErrorKind.CALLER_INVALID_REQUEST, "cache_control.ttl");
        assertRejected("{\"model\":\"m\",\"max_tokens\":10,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":100}," + HI + "}",
                ErrorKind.CALLER_INVALID_REQUEST, "thinking.budget_tokens");
        assertRejected("{\"model\":\"m\",\"max_tokens\":10,\"thinking\":{\"type\":\"enabled\"}," + HI + "}",
                ErrorKind.CALLER_INVALID_REQUEST, "thinking.budget_tokens");
        assertRejected("{\"model\":\"m\",\"max_tokens\":10,\"thinking\":{\"type\":\"adaptive\",\"display\":\"full\"}," + HI + "}",
                ErrorKind.CALLER_INVALID_REQUEST, "thinking.display");
        assertRejected("{\"model\":\"m\",\"max_tokens\":10,\"output_config\":{\"effort\":\"extreme\"}," + HI + "}",
                ErrorKind.CALLER_INVALID_REQUEST, "output_config.effort");
        assertRejected("{\"model\":\"m\",\"max_tokens\":10,\"service_tier\":\"priority\"," + HI + "}",
                ErrorKind.CALLER_INVALID_REQUEST, "service_tier");
        assertRejected("{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":\"assistant\",\"content\":"
                + "[{\"type\":\"thinking\",\"thinking\":\"x\"}]}]}", ErrorKind.CALLER_INVALID_REQUEST, "messages[0].content[0].signature");
        assertRejected("{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"thinking\",\"thinking\":\"x\",\"signature\":\"s\"}]}]}", ErrorKind.CALLER_UNSUPPORTED_FEATURE, "messages[0].content[0].type");
        assertRejected("{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"x\",\"citations\":[{\"type\":\"char_location\"}]}]}]}",
                ErrorKind.CALLER_UNSUPPORTED_FEATURE, "messages[0].content[0].citations");
    }

    @Test
    void aToolResultWithoutCacheControlHasNone() {
        Message result = parse("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"ok"}]}]}""")
                .messages().getFirst();
        assertThat(result).isEqualTo(Message.toolResult("t", "ok"));
        assertThat(List.of(result.cache() == null, result.toolError())).containsExactly(true, false);
    }
}
