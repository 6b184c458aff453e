package dev.arbiter.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Reasoning;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.UpstreamSettings;
import dev.arbiter.core.provider.anthropic.AnthropicCodec;
import dev.arbiter.core.provider.openai.OpenAiCodec;
import dev.arbiter.core.transport.CodecProvider;
import dev.arbiter.testing.fake.AnthropicFakeUpstream;
import dev.arbiter.testing.fake.OpenAiFakeUpstream;
import dev.arbiter.testing.fake.RecordedRequest;
import dev.arbiter.testing.fake.ScriptedReply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Anthropic's Token Counting API through the Anthropic codec against the fake, and the caller's anthropic-beta header. */
class AnthropicTokenCountTest {
    private static final UpstreamSettings.Timeouts TIMEOUTS = new UpstreamSettings.Timeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(10));
    private static final Map<String, String> BETA = Map.of("anthropic-beta", "context-1m-2025-08-07, token-efficient-tools-2025-02-19");

    private final AnthropicFakeUpstream fake = new AnthropicFakeUpstream();

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private CodecProvider provider(Map<String, String> configuredHeaders) {
        return new CodecProvider(new AnthropicCodec(), new UpstreamSettings("fake", fake.baseUrl(), "sk-ant-test",
                configuredHeaders, TIMEOUTS));
    }

    private static ChatRequest.Builder hi() {
        return ChatRequest.builder("claude-upstream").messages(Message.system("Be brief."), Message.user("Hi"));
    }

    @Test
    void aCountGoesToCountTokensWithTheMessagesHeadersAndReturnsAnthropicsNumber() {
        fake.enqueue(AnthropicFakeUpstream.tokenCount(1234));
        ToolDefinition tool = new ToolDefinition("search", "Find pages", Json.object().put("type", "object"), null);

        OptionalInt count = provider(Map.of()).countTokens(hi().tools(List.of(tool)).build());

        assertThat(count).hasValue(1234);
        RecordedRequest sent = fake.lastRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.pathAndQuery()).isEqualTo("/v1/messages/count_tokens");
        assertThat(sent.header("x-api-key")).isEqualTo("sk-ant-test");
        assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.header("content-type")).isEqualTo("application/json");
        assertThat(sent.body()).isEqualTo(Json.parse("""
                {"model":"claude-upstream","system":[{"type":"text","text":"Be brief."}],
                 "messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}],
                 "tools":[{"name":"search","description":"Find pages","input_schema":{"type":"object"}}]}"""));
    }

    @Test
    void aCountSendsOnlyTheFieldsTheCountingApiTakes() {
        fake.enqueue(AnthropicFakeUpstream.tokenCount(7));
        ChatRequest request = hi().maxTokens(5000).temperature(0.5).topK(5).stop(List.of("END")).user("u1")
                .serviceTier("auto").reasoning(new Reasoning(Reasoning.Mode.ENABLED, 2048, null, null)).build();

        provider(Map.of()).countTokens(request);

        JsonNode body = fake.lastRequest().body();
        assertThat(body.get("thinking")).isEqualTo(Json.parse("{\"type\":\"enabled\",\"budget_tokens\":2048}"));
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.has("top_k")).isFalse();
        assertThat(body.has("stop_sequences")).isFalse();
        assertThat(body.has("metadata")).isFalse();
        assertThat(body.has("service_tier")).isFalse();
    }

    @Test
    void countErrorsAreMappedAsForACall() {
        fake.enqueue(ScriptedReply.rateLimited("Number of request tokens has exceeded your rate limit", Duration.ofSeconds(7)),
                ScriptedReply.error(404, "model: claude-nope"));
        CodecProvider provider = provider(Map.of());

        assertThatThrownBy(() -> provider.countTokens(hi().build())).isInstanceOfSatisfying(ArbiterException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_RATE_LIMITED);
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        });
        assertThatThrownBy(() -> provider.countTokens(hi().build())).isInstanceOfSatisfying(ArbiterException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_MODEL_NOT_FOUND));
    }

    @Test
    void aCountAnswerWithoutInputTokensIsABadResponse() {
        AnthropicCodec codec = new AnthropicCodec();
        for (String body : List.of("{}", "{\"input_tokens\":\"12\"}", "{\"input_tokens\":-1}", "<html>")) {
            assertThatThrownBy(() -> codec.decodeCount(body.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(ArbiterException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_BAD_RESPONSE));
        }
    }

    @Test
    void theCallersBetasAreSentAloneWhenNoneAreConfigured() {
        fake.enqueue(ScriptedReply.text("ok", Usage.of(1, 1)));

        provider(Map.of()).complete(hi().vendorHeaders(BETA).build());

        assertThat(fake.lastRequest().header("anthropic-beta"))
                .isEqualTo("context-1m-2025-08-07,token-efficient-tools-2025-02-19");
    }

    @Test
    void theCallersBetasJoinTheConfiguredOnesEachOnceOnCallsAndCounts() {
        fake.enqueue(ScriptedReply.text("ok", Usage.of(1, 1)), AnthropicFakeUpstream.tokenCount(3));
        CodecProvider provider = provider(Map.of("Anthropic-Beta", "token-efficient-tools-2025-02-19,prompt-caching-2024-07-31"));

        provider.complete(hi().vendorHeaders(BETA).build());
        provider.countTokens(hi().vendorHeaders(BETA).build());

        for (RecordedRequest sent : fake.received()) {
            assertThat(sent.headers().get("anthropic-beta")).containsExactly(
                    "token-efficient-tools-2025-02-19,prompt-caching-2024-07-31,context-1m-2025-08-07");
        }
    }

    @Test
    void anOpenAiUpstreamIgnoresAnthropicBetasAndCannotCount() {
        try (OpenAiFakeUpstream openai = new OpenAiFakeUpstream()) {
            CodecProvider provider = new CodecProvider(new OpenAiCodec(), new UpstreamSettings("oa", openai.baseUrl(),
                    "sk-oa", Map.of(), TIMEOUTS));

            provider.complete(hi().vendorHeaders(BETA).build());

            assertThat(openai.lastRequest().header("anthropic-beta")).isNull();
            assertThat(provider.countTokens(hi().build())).isEmpty();
            assertThat(openai.received()).hasSize(1);
        }
    }
}
