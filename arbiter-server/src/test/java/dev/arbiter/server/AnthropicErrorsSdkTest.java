package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.SseException;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.testing.fake.ScriptedReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the gateway's failures surface through the official Anthropic Java SDK: each one as the SDK's own typed
 * exception, with the status and Anthropic's error type.
 */
class AnthropicErrorsSdkTest extends AnthropicSdkBase {

    @Test
    void unknownModelIsTheSdksNotFoundException() {
        assertThatThrownBy(() -> client.messages().create(ask("test/no-such-model", "Hi").build()))
                .asInstanceOf(type(NotFoundException.class))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.type()).contains(ErrorType.NOT_FOUND_ERROR);
                    assertThat(e.apiMessage()).hasValueSatisfying(m -> assertThat(m).contains("test/no-such-model"));
                });
        assertThat(harness.anthropic.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void upstreamRateLimitIsTheSdksRateLimitExceptionWithRetryAfter(String model) {
        Upstream upstream = Upstream.serving(model);
        upstream.fake(harness).enqueue(ScriptedReply.rateLimited("slow down", Duration.ofSeconds(7)));

        assertThatThrownBy(() -> client.messages().create(ask(model, "Hi").build()))
                .asInstanceOf(type(RateLimitException.class))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.type()).contains(ErrorType.RATE_LIMIT_ERROR);
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
            try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(ask(model, "Hi").build())) {
                stream.stream().forEach(event -> { });
            }
        }).asInstanceOf(type(RateLimitException.class))
                .satisfies(e -> assertThat(e.statusCode()).isEqualTo(429));
    }

    @Test
    void upstreamFailureMidStreamEndsTheSdkStreamWithAnSseException() {
        harness.anthropic.failNextStreamMidway("overloaded_error", "Overloaded");
        harness.anthropic.enqueue(ScriptedReply.text("This answer will be cut short.", Usage.of(5, 5)));
        List<RawMessageStreamEvent> before = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(ask("test/claude", "Hi").build())) {
                stream.stream().forEach(before::add);
            }
        }).isInstanceOf(SseException.class);
        assertThat(before).isNotEmpty().noneMatch(RawMessageStreamEvent::isMessageStop);
    }

    @Test
    void zeroMaxTokensIsTheSdksBadRequestNamingTheParameter() {
        assertThatThrownBy(() -> client.messages().create(ask("test/claude", "Hi").maxTokens(0).build()))
                .asInstanceOf(type(BadRequestException.class))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.type()).contains(ErrorType.INVALID_REQUEST_ERROR);
                    assertThat(e.apiMessage()).hasValueSatisfying(m -> assertThat(m).contains("max_tokens"));
                });
        assertThat(harness.anthropic.received()).isEmpty();
    }
}
