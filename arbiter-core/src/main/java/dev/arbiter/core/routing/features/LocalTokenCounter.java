package dev.arbiter.core.routing.features;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ResponseFormat;
import java.util.List;

/**
 * Estimates a request's input tokens without asking anyone, for models whose upstream has no counting API (answers
 * to {@code POST /v1/messages/count_tokens} marked {@code estimate}). It is the count routing, budgets and token
 * rate limits already use ({@link HeuristicFeatureExtractor#inputTokens}), plus a JSON output schema:
 * <ul>
 *   <li>the text of every message, the system prompt and tool results included, and every tool call's name and
 *       arguments, in o200k_base tokens (exact up to 1,500 characters, safely over-estimated beyond);</li>
 *   <li>every tool definition's name, description and JSON schema, and a requested output schema;</li>
 *   <li>{@value HeuristicFeatureExtractor#TOKENS_PER_MESSAGE} tokens of chat framing per message and
 *       {@value HeuristicFeatureExtractor#TOKENS_FOR_REPLY} for priming the reply;</li>
 *   <li>a flat {@value HeuristicFeatureExtractor#TOKENS_PER_IMAGE} tokens per image (its size is not looked at).</li>
 * </ul>
 * Thinking blocks of earlier assistant turns are not counted: Anthropic does not count them either.
 */
public final class LocalTokenCounter {
    private LocalTokenCounter() {
    }

    public static int count(ChatRequest request) {
        long tokens = HeuristicFeatureExtractor.inputTokens(request);
        ResponseFormat format = request.responseFormat();
        if (format != null && format.schema() != null) {
            tokens += TokenEstimator.count(List.of(format.schema().toString()));
        }
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }
}
