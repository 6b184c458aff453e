package dev.arbiter.core.limits;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a request may cost before it is sent: its input tokens as routing counts them, plus the output it allows
 * ({@code max_tokens}, which also carries {@code max_completion_tokens}; else {@link #DEFAULT_OUTPUT_CAP} or the
 * model's smaller maximum output; times {@code n} when several choices are asked for), at the model's price.
 * A request without {@code max_tokens} may produce more than the default cap; it then costs more than reserved
 * and the settle records the real cost.
 */
public record CostEstimate(long inputTokens, long outputTokens, BigDecimal usd) {
    /** Output assumed when the request sets no limit: the gateway's default for vendors that require one. */
    public static final int DEFAULT_OUTPUT_CAP = HeuristicFeatureExtractor.DEFAULT_MAX_OUTPUT_TOKENS;

    /** The estimate at the model's price in force at {@code at}. */
    public static CostEstimate of(ChatRequest request, ModelEntry model, Instant at) {
        long input = HeuristicFeatureExtractor.inputTokens(request);
        long output = outputTokens(request, model);
        return new CostEstimate(input, output, cost(model, Usage.of(input, output), at));
    }

    /** The real cost of {@code usage} on {@code model} at its price in force at {@code at}; zero without a price. */
    public static BigDecimal cost(ModelEntry model, Usage usage, Instant at) {
        return model == null ? BigDecimal.ZERO : model.costAt(at, usage);
    }

    static long outputTokens(ChatRequest request, ModelEntry model) {
        long perChoice;
        if (request.maxTokens() != null) {
            perChoice = request.maxTokens();
        } else if (model.maxOutputTokens() != null && model.maxOutputTokens() > 0) {
            perChoice = Math.min(DEFAULT_OUTPUT_CAP, model.maxOutputTokens());
        } else {
            perChoice = DEFAULT_OUTPUT_CAP;
        }
        return perChoice * choices(request);
    }

    /** OpenAI's {@code n} (kept in the request's extra fields); 1 when absent or not a sane count. */
    private static long choices(ChatRequest request) {
        JsonNode n = request.extra() == null ? null : request.extra().get("n");
        return n != null && n.canConvertToInt() && n.asInt() >= 1 && n.asInt() <= 128 ? n.asInt() : 1;
    }
}
