package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.testing.fake.ScriptedReply;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official OpenAI Java SDK, unchanged, against the gateway in front of each upstream vendor: plain chat
 * completions with usage details, streaming with the usage chunk, inline images and Arbiter's response headers.
 */
class OpenAiSdkTest extends OpenAiSdkBase {
    /** 120 prompt tokens of which 100 cached, 40 completion tokens of which 16 reasoning. */
    private static final Usage DETAILED = new Usage(120, 40, 100, 16, 0);
    static final String PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void plainCompletionCarriesTextFinishReasonAndUsageDetails(String model) {
        Upstream upstream = Upstream.serving(model);
        upstream.fake(harness).enqueue(ScriptedReply.text("Paris is the capital of France.", DETAILED));

        ChatCompletion completion = client.chat().completions().create(ask(model, "Capital of France?").build());

        assertThat(completion.model()).isEqualTo(model);
        assertThat(completion.choices()).hasSize(1);
        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertThat(choice.message().content()).contains("Paris is the capital of France.");
        assertThat(choice.message().toolCalls()).isEmpty();
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        CompletionUsage usage = completion.usage().orElseThrow();
        assertThat(usage.promptTokens()).isEqualTo(120);
        assertThat(usage.completionTokens()).isEqualTo(40);
        assertThat(usage.totalTokens()).isEqualTo(160);
        assertThat(usage.promptTokensDetails().orElseThrow().cachedTokens()).contains(100L);
        assertThat(usage.completionTokensDetails().orElseThrow().reasoningTokens())
                .contains(upstream.reportsReasoningTokens() ? 16L : 0L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void streamedDeltasJoinToTheScriptedTextAndEndWithTheUsageChunk(String model) {
        String text = "Streaming works through the gateway, one piece at a time.";
        Upstream.serving(model).fake(harness).enqueue(ScriptedReply.text(text, Usage.of(12, 9))
                .withTiming(new ScriptedReply.Timing(Duration.ZERO, Duration.ZERO, 5)));

        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ask(model, "Stream, please")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            chunks = stream.stream().toList(); // returns only once the SDK saw the end of the stream
        }

        assertThat(chunks.stream().map(ChatCompletionChunk::id).collect(Collectors.toSet())).hasSize(1);
        assertThat(chunks).allSatisfy(c -> assertThat(c.model()).isEqualTo(model));
        assertThat(joinedContent(chunks)).isEqualTo(text);
        assertThat(chunks.stream().filter(c -> c.choices().size() == 1 && c.choices().getFirst().delta().content()
                .filter(s -> !s.isEmpty()).isPresent())).hasSizeGreaterThan(1);
        List<ChatCompletionChunk.Choice.FinishReason> finishes = chunks.stream().flatMap(c -> c.choices().stream())
                .flatMap(c -> c.finishReason().stream()).toList();
        assertThat(finishes).containsExactly(ChatCompletionChunk.Choice.FinishReason.STOP);
        ChatCompletionChunk last = chunks.getLast();
        assertThat(last.choices()).isEmpty();
        CompletionUsage usage = last.usage().orElseThrow();
        assertThat(usage.promptTokens()).isEqualTo(12);
        assertThat(usage.completionTokens()).isEqualTo(9);
        assertThat(usage.totalTokens()).isEqualTo(21);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.usage()).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void streamWithoutIncludeUsageSendsNoUsageChunk(String model) {
        Upstream.serving(model).fake(harness).enqueue(ScriptedReply.text("No usage asked for.", Usage.of(5, 4)));

        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(ask(model, "Hi").build())) {
            chunks = stream.stream().toList();
        }

        assertThat(joinedContent(chunks)).isEqualTo("No usage asked for.");
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.usage()).isEmpty();
            assertThat(c.choices()).hasSize(1);
        });
        assertThat(chunks.getLast().choices().getFirst().finishReason()).contains(ChatCompletionChunk.Choice.FinishReason.STOP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void inlineImagePartReachesTheUpstream(String model) {
        Upstream upstream = Upstream.serving(model);
        upstream.fake(harness).enqueue(ScriptedReply.text("A single pixel.", Usage.of(90, 4)));

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessageOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text("What is this?").build()),
                        ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                                        .url("data:image/png;base64," + PNG_BASE64).build())
                                .build())))
                .build());

        assertThat(completion.choices().getFirst().message().content()).contains("A single pixel.");
        Upstream.InlineImage image = upstream.image(upstream.fake(harness).lastRequest());
        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(image.base64()).isEqualTo(PNG_BASE64);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void rawResponseHeadersNameTheServedModelProviderAndCost(String model) {
        Upstream upstream = Upstream.serving(model);
        // Price.of(1.0, 2.0) per million: 1000 input tokens cost 0.001, 500 output tokens 0.001
        upstream.fake(harness).enqueue(ScriptedReply.text("Priced.", Usage.of(1000, 500)));

        try (HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse()
                .create(ask(model, "How much?").build())) {
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.headers().values("x-arbiter-model")).containsExactly(model);
            assertThat(raw.headers().values("x-arbiter-provider")).containsExactly(upstream.provider);
            assertThat(raw.headers().values("x-arbiter-cost-usd")).containsExactly("0.002");
            assertThat(raw.headers().values("x-arbiter-overhead-ms")).singleElement()
                    .satisfies(ms -> assertThat(Double.parseDouble(ms)).isNotNegative());
            assertThat(raw.parse().choices().getFirst().message().content()).contains("Priced.");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Upstream.MODELS)
    void streamedRawResponseNamesTheServedModelAndProvider(String model) {
        Upstream upstream = Upstream.serving(model);
        upstream.fake(harness).enqueue(ScriptedReply.text("Headers first.", Usage.of(3, 3)));

        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> raw = client.chat().completions().withRawResponse()
                .createStreaming(ask(model, "Stream").build())) {
            assertThat(raw.headers().values("x-arbiter-model")).containsExactly(model);
            assertThat(raw.headers().values("x-arbiter-provider")).containsExactly(upstream.provider);
            assertThat(raw.headers().values("content-type")).singleElement().asString().startsWith("text/event-stream");
            try (StreamResponse<ChatCompletionChunk> stream = raw.parse()) {
                assertThat(joinedContent(stream.stream().toList())).isEqualTo("Headers first.");
            }
        }
    }

    private static String joinedContent(List<ChatCompletionChunk> chunks) {
        return chunks.stream().flatMap(c -> c.choices().stream())
                .map(c -> c.delta().content().orElse(""))
                .collect(Collectors.joining());
    }
}
