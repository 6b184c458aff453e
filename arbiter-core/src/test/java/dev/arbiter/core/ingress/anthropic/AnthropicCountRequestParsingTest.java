package dev.arbiter.core.ingress.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Reasoning;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Token Counting API bodies, and the caller's anthropic-beta header carried on to Anthropic upstreams. */
class AnthropicCountRequestParsingTest {
    private final AnthropicIngress ingress = new AnthropicIngress();

    private ChatRequest count(String json) {
        return ingress.parseCountRequest(json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private void assertRejected(String json, ErrorKind kind, String param) {
        assertThatThrownBy(() -> count(json)).isInstanceOfSatisfying(ArbiterException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.param()).isEqualTo(param);
        });
    }

    @Test
    void aCountNeedsNoMaxTokensAndTakesSystemToolsToolChoiceAndThinking() {
        ChatRequest r = count("""
                {"model":"claude-sonnet-4-6","system":"Be brief.","messages":[{"role":"user","content":"Hi"}],
                 "tools":[{"name":"search","description":"Find pages","input_schema":{"type":"object"}}],
                 "tool_choice":{"type":"any"},"thinking":{"type":"enabled","budget_tokens":2048}}""");

        assertThat(r.model()).isEqualTo("claude-sonnet-4-6");
        assertThat(r.maxTokens()).isNull();
        assertThat(r.messages()).containsExactly(Message.system("Be brief."), Message.user("Hi"));
        assertThat(r.tools()).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("search"));
        assertThat(r.toolChoice()).isEqualTo(ToolChoice.REQUIRED);
        assertThat(r.reasoning().mode()).isEqualTo(Reasoning.Mode.ENABLED);
        assertThat(r.stream()).isFalse();
    }

    @Test
    void fieldsThatOnlyShapeTheAnswerAreRefusedByNameAsAnthropicRefusesThem() {
        assertRejected("""
                {"model":"m","max_tokens":100,"messages":[{"role":"user","content":"Hi"}]}""",
                ErrorKind.CALLER_UNSUPPORTED_FEATURE, "max_tokens");
        assertRejected("""
                {"model":"m","stream":true,"messages":[{"role":"user","content":"Hi"}]}""",
                ErrorKind.CALLER_UNSUPPORTED_FEATURE, "stream");
        assertRejected("""
                {"model":"m","documents":[],"messages":[{"role":"user","content":"Hi"}]}""",
                ErrorKind.CALLER_UNSUPPORTED_FEATURE, "documents");
    }

    @Test
    void theRestIsValidatedAsForAMessage() {
        assertRejected("{\"model\":\"m\"}", ErrorKind.CALLER_INVALID_REQUEST, "messages");
        assertRejected("{\"messages\":[]}", ErrorKind.CALLER_INVALID_REQUEST, "model");
        assertRejected("""
                {"model":"m","messages":[{"role":"user","content":"Hi"}],"thinking":{"type":"enabled","budget_tokens":10}}""",
                ErrorKind.CALLER_INVALID_REQUEST, "thinking.budget_tokens");
        assertThatThrownBy(() -> count("{not json")).isInstanceOfSatisfying(ArbiterException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_INVALID_REQUEST));
    }

    @Test
    void theCallersBetaHeaderTravelsWithAMessageAndACount() {
        Map<String, String> headers = Map.of("anthropic-beta", " context-1m-2025-08-07,fine-grained-tool-streaming-2025-05-14 ");
        byte[] message = "{\"model\":\"m\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] countBody = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}".getBytes(StandardCharsets.UTF_8);

        Map<String, String> expected = Map.of("anthropic-beta", "context-1m-2025-08-07,fine-grained-tool-streaming-2025-05-14");
        assertThat(ingress.parseRequest(message, headers).vendorHeaders()).isEqualTo(expected);
        assertThat(ingress.parseCountRequest(countBody, headers).vendorHeaders()).isEqualTo(expected);
        assertThat(ingress.parseRequest(message, Map.of("x-other", "1")).vendorHeaders()).isEmpty();
        assertThat(ingress.parseRequest(message).vendorHeaders()).isEmpty();
    }
}
