package dev.arbiter.core.routing.features;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.TaskType;
import java.util.List;
import java.util.Map;

/**
 * Routing features from cheap heuristics, no model calls and no embeddings: a lexicon-and-structure task scorer
 * ({@link TaskScorer}), a script/stop-word language guess ({@link LanguageDetector}) and o200k_base token counts
 * ({@link TokenEstimator}). Thread-safe; the lexicon and the tokenizer are built once and shared.
 *
 * <p>Only a bounded slice of the prompt is analysed: the quality model reads the system prompt head plus the last 8k
 * characters of user text; the task and language classifiers read at most the first 1k characters of the system
 * prompt and of a long first user message plus the last 1.5k of the user text (see {@link PromptText#scored}), so a
 * huge prompt costs about as much as a typical one. Tokens are counted over everything the model will see: exactly
 * up to 1,500 characters, estimated beyond (never below the exact count in our measurements, see
 * {@link TokenEstimator}).
 */
public final class HeuristicFeatureExtractor implements FeatureExtractor {
    /**
     * Output room assumed when the caller sets no limit: the gateway's own default for vendors that require one
     * (Anthropic's max_tokens), so context-window filtering reserves what the upstream call will actually ask for.
     */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;
    /** Tokens one image is assumed to cost (OpenAI's high-detail 1024×1024 image: 85 + 4 tiles × 170). */
    public static final int TOKENS_PER_IMAGE = 765;
    /** Chat-format overhead per message and for priming the reply (OpenAI's published counting recipe). */
    static final int TOKENS_PER_MESSAGE = 3;
    static final int TOKENS_FOR_REPLY = 3;

    private static final TaskScorer SCORER = new TaskScorer();

    public HeuristicFeatureExtractor() {
        TokenEstimator.exact("warm up"); // builds the shared encoding now rather than on the first request
    }

    @Override
    public RequestFeatures extract(ChatRequest request) {
        String text = PromptText.analysed(request);
        int images = PromptText.imageCount(request);
        int inputTokens = inputTokens(request, images);
        boolean hasTools = !request.tools().isEmpty();
        boolean wantsJson = request.responseFormat() != null && request.responseFormat().wantsJson();
        var facts = new TaskScorer.Facts(inputTokens, images > 0, hasTools, PromptText.hasToolTurns(request),
                wantsJson);
        int maxOutput = request.maxTokens() != null ? request.maxTokens() : DEFAULT_MAX_OUTPUT_TOKENS;
        return features(text, PromptText.scored(request, text), facts, maxOutput);
    }

    /**
     * The request's input tokens as routing counts them (text exactly or safely over-estimated, chat overhead, a
     * fixed cost per image); also what budgets and token rate limits charge before the call.
     */
    public static int inputTokens(ChatRequest request) {
        return inputTokens(request, PromptText.imageCount(request));
    }

    private static int inputTokens(ChatRequest request, int images) {
        long tokens = (long) TokenEstimator.count(PromptText.allParts(request))
                + (long) TOKENS_PER_MESSAGE * request.messages().size() + TOKENS_FOR_REPLY
                + (long) TOKENS_PER_IMAGE * images;
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }

    /** Same as a request holding this one user message, so training rows and live traffic look alike. */
    @Override
    public RequestFeatures extract(String prompt) {
        return extract(ChatRequest.builder("auto").messages(List.of(Message.user(prompt == null ? "" : prompt)))
                .build());
    }

    private static RequestFeatures features(String text, String scored, TaskScorer.Facts facts, int maxOutput) {
        double[] scores = SCORER.scores(scored, text.length(), facts);
        TaskType top = TaskScorer.top(scores);
        Map<TaskType, Double> mix = TaskScorer.mix(scores);
        return new RequestFeatures(top, mix, LanguageDetector.detect(scored), facts.inputTokens(), maxOutput,
                facts.hasImages(), facts.hasTools(), facts.wantsJson(), text);
    }
}
