package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.testing.fake.ScriptedReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the gateway's failures surface through the official OpenAI Java SDK: each one as the SDK's own typed
 * exception with the right status, Arbiter's error type and, where it applies, the parameter at fault.
 */
class OpenAiErrorsSdkTest extends OpenAiSdkBase {

    @Test
    void unknownModelIsTheSdksNotFoundException() {
        assertThatThrownBy(() -> client.chat().completions().create(ask("test/no-such-model", "Hi").build()))
                .asInstanceOf(type(NotFoundException.class))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.type()).contains("caller_unknown_model");
                    assertThat(e.getMessage()).contains("test/no-such-model");
                });
        assertThat(harness.openai.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void upstreamRateLimitIsTheSdksRateLimitExceptionWithRetryAfter(String model) {
        Upstream upstream = Upstream.serving(model);
        upstream.fake(harness).enqueue(ScriptedReply.rateLimited("slow down", Duration.ofSeconds(7)));

        assertThatThrownBy(() -> client.chat().completions().create(ask(model, "Hi").build()))
                .asInstanceOf(type(RateLimitException.class))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.type()).contains("provider_rate_limited");
                    assertThat(e.headers().values("retry-after")).containsExactly("7");
                    assertThat(e.headers().values("x-arbiter-model")).containsExactly(model);
                });
        assertThat(upstream.fake(harness).received()).hasSize(1); // the SDK did not retry (maxRetries 0)
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void upstreamRateLimitBeforeAStreamStartsIsARateLimitExceptionNotAStream(String model) {
        Upstream.serving(model).fake(harness).enqueue(ScriptedReply.rateLimited("slow down", Duration.ofSeconds(3)));

        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions()
                    .createStreaming(ask(model, "Hi").build())) {
                stream.stream().forEach(chunk -> { });
            }
        }).asInstanceOf(type(RateLimitException.class))
                .satisfies(e -> assertThat(e.statusCode()).isEqualTo(429));
    }

    @Test
    void upstreamFailureMidStreamEndsTheSdkStreamWithAnSseException() {
        harness.anthropic.failNextStreamMidway("overloaded_error", "Overloaded");
        harness.anthropic.enqueue(ScriptedReply.text("This answer will be cut short.", Usage.of(5, 5)));
        List<ChatCompletionChunk> before = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions()
                    .createStreaming(ask("test/claude", "Hi").build())) {
                stream.stream().forEach(before::add);
            }
        }).asInstanceOf(type(SseException.class))
                .satisfies(e -> assertThat(e.type()).hasValueSatisfying(t -> assertThat(t).startsWith("provider_")));
        assertThat(before).isNotEmpty(); // the part that arrived was relayed before the failure
    }

    @Test
    void temperatureOutOfRangeIsTheSdksBadRequestNamingTheParameter() {
        assertThatThrownBy(() -> client.chat().completions().create(ask("test/gpt", "Hi").temperature(5.0).build()))
                .asInstanceOf(type(BadRequestException.class))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.param()).contains("temperature");
                    assertThat(e.type()).hasValueSatisfying(t -> assertThat(t).startsWith("caller_"));
                });
        assertThat(harness.openai.received()).isEmpty();
    }

    @Test
    void toolsForAModelWithoutToolSupportAreABadRequest() {
        assertThatThrownBy(() -> client.chat().completions().create(ask("test/text-only", "Weather?")
                .addTool(weatherTool()).build()))
                .asInstanceOf(type(BadRequestException.class))
                .satisfies(e -> assertThat(e.type()).contains("caller_unsupported_feature"));
        assertThat(harness.openai.received()).isEmpty();
    }

    @Test
    void upstreamServerErrorIsAServiceExceptionWithAGatewayStatus() {
        harness.gemini.enqueue(ScriptedReply.error(500, "internal"));

        assertThatThrownBy(() -> client.chat().completions().create(ask("test/gemini", "Hi").build()))
                .asInstanceOf(type(OpenAIServiceException.class))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isBetween(500, 599);
                    assertThat(e.type()).hasValueSatisfying(t -> assertThat(t).startsWith("provider_"));
                });
    }
}
