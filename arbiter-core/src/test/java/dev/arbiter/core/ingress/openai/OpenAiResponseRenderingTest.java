package dev.arbiter.core.ingress.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Choice;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers and errors render as the exact objects OpenAI returns. */
class OpenAiResponseRenderingTest {
    private final OpenAiIngress ingress = new OpenAiIngress(InstantSource.fixed(Instant.ofEpochSecond(1_700_000_000)));

    @Test
    void rendersATextAnswerAsAChatCompletion() {
        ChatResponse response = new ChatResponse("chatcmpl-abc", "vendor-model", 1_712_345_678L,
                List.of(new Choice(0, Message.assistant("Paris."), FinishReason.STOP)), new Usage(120, 30, 100, 10, 0));

        assertThat(Json.parse(ingress.renderResponse(response, "auto"))).isEqualTo(Json.parse("""
                {"id":"chatcmpl-abc","object":"chat.completion","created":1712345678,"model":"auto",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Paris.","refusal":null,"annotations":[]},
                             "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150,
                          "prompt_tokens_details":{"cached_tokens":100,"audio_tokens":0},
                          "completion_tokens_details":{"reasoning_tokens":10,"audio_tokens":0,
                                                       "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}"""));
    }

    @Test
    void aToolOnlyAnswerHasNullContent() {
        ChatResponse response = new ChatResponse("chatcmpl-t", "m", 1L, List.of(new Choice(0,
                Message.assistantToolCalls(List.of(new ToolCall("call_9", "get_weather", "{\"city\":\"Oslo\"}"))),
                FinishReason.TOOL_CALLS)), Usage.of(5, 6));

        var message = Json.parse(ingress.renderResponse(response, "m")).at("/choices/0/message");

        assertThat(message.get("content").isNull()).isTrue();
        assertThat(message.get("tool_calls")).isEqualTo(Json.parse(
                "[{\"id\":\"call_9\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]"));
        assertThat(Json.parse(ingress.renderResponse(response, "m")).at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
    }

    @Test
    void anAnswerWithoutIdOrTimeGetsOpenAiShapedOnes() {
        ChatResponse response = new ChatResponse(null, "m", 0, List.of(new Choice(0, Message.assistant("x"), FinishReason.STOP)), null);
        var json = Json.parse(ingress.renderResponse(response, "m"));
        assertThat(json.get("id").asText()).matches("chatcmpl-[A-Za-z0-9]{29}");
        assertThat(json.get("created").asLong()).isEqualTo(1_700_000_000L);
    }

    @Test
    void rendersErrorsInOpenAisShapeWithArbitersType() {
        ArbiterException e = new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "Invalid value for 'temperature'.",
                "temperature", "invalid_value", null);
        assertThat(Json.parse(ingress.renderError(e))).isEqualTo(Json.parse("""
                {"error":{"message":"Invalid value for 'temperature'.","type":"caller_invalid_request",
                          "param":"temperature","code":"invalid_value"}}"""));
        assertThat(Json.parse(ingress.renderError(new ArbiterException(ErrorKind.PROVIDER_TIMEOUT, "slow"))))
                .isEqualTo(Json.parse("{\"error\":{\"message\":\"slow\",\"type\":\"provider_timeout\",\"param\":null,\"code\":null}}"));
    }
}
