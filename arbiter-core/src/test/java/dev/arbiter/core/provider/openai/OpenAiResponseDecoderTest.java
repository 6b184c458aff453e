package dev.arbiter.core.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Non-streamed bodies decode fully, and garbage never escapes as anything but PROVIDER_BAD_RESPONSE. */
class OpenAiResponseDecoderTest {

    @Test
    void decodesIdModelCreatedChoicesAndDetailedUsage() {
        ChatResponse r = decode("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1700,"model":"gpt-4o-2024",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hi","refusal":null},"finish_reason":"stop"},
                            {"index":1,"message":{"role":"assistant","content":"Hello"},"finish_reason":"length"}],
                 "usage":{"prompt_tokens":100,"completion_tokens":40,"total_tokens":140,
                          "prompt_tokens_details":{"cached_tokens":64},"completion_tokens_details":{"reasoning_tokens":12}}}""");
        assertThat(r.id()).isEqualTo("chatcmpl-1");
        assertThat(r.model()).isEqualTo("gpt-4o-2024");
        assertThat(r.created()).isEqualTo(1700);
        assertThat(r.choices()).hasSize(2);
        assertThat(r.choices().get(1).message().text()).isEqualTo("Hello");
        assertThat(r.usage()).isEqualTo(new Usage(100, 40, 64, 12, 0));
    }

    @Test
    void readsDeepSeeksCacheHitTokens() {
        ChatResponse r = decode("""
                {"id":"x","model":"deepseek-chat","created":1,"choices":[{"index":0,"message":{"role":"assistant","content":"ok"},
                 "finish_reason":"stop"}],"usage":{"prompt_tokens":50,"completion_tokens":5,"prompt_cache_hit_tokens":32}}""");
        assertThat(r.usage().cachedInputTokens()).isEqualTo(32);
    }

    @Test
    void aRefusalBecomesTheVisibleText() {
        ChatResponse r = decode("""
                {"id":"x","model":"m","created":1,"choices":[{"index":0,"message":{"role":"assistant","content":null,
                 "refusal":"I can't help with that."},"finish_reason":"stop"}]}""");
        assertThat(r.message().text()).isEqualTo("I can't help with that.");
    }

    @Test
    void aToolOnlyAnswerHasNoTextParts() {
        ChatResponse r = decode("""
                {"id":"x","model":"m","created":1,"choices":[{"index":0,"message":{"role":"assistant","content":null,
                 "tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{\\"a\\":1}"}}]},
                 "finish_reason":"tool_calls"}]}""");
        assertThat(r.message().content()).isEmpty();
        assertThat(r.message().toolCalls().getFirst().argumentsJson()).isEqualTo("{\"a\":1}");
    }

    @Test
    void garbageIsABadResponse() {
        for (String body : new String[] {"not json", "[]", "{}", "{\"choices\":[]}", "{\"choices\":[{\"index\":0}]}",
                "{\"choices\":[{\"message\":{\"tool_calls\":[{\"id\":\"c\"}]}}]}", "{\"choices\":[{\"message\":{\"tool_calls\":5}}]}"}) {
            assertThatThrownBy(() -> decode(body)).as(body).isInstanceOfSatisfying(ArbiterException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_BAD_RESPONSE));
        }
    }

    @Test
    void anErrorObjectInASuccessfulReplyIsStillAnError() {
        assertThatThrownBy(() -> decode("{\"error\":{\"message\":\"upstream overloaded\",\"type\":\"server_error\"}}"))
                .isInstanceOfSatisfying(ArbiterException.class, e -> assertThat(e.getMessage()).contains("upstream overloaded"));
    }

    private static ChatResponse decode(String body) {
        return new OpenAiCodec().decodeResponse(body.getBytes(StandardCharsets.UTF_8));
    }
}
