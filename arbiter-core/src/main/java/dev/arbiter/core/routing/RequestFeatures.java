package dev.arbiter.core.routing;

import java.util.Map;

/**
 * What routing knows about a request before calling any model: its main task type and the full task mix
 * (probabilities summing to 1), the prompt's language (ISO 639-1, e.g. "en", "zh"), token counts (jtokkit),
 * modalities and needs, and the text the quality model reads. Built by {@link FeatureExtractor} in well under a ms.
 */
public record RequestFeatures(
        TaskType taskType,
        Map<TaskType, Double> taskMix,
        String language,
        int inputTokens,
        int maxOutputTokens,
        boolean hasImages,
        boolean hasTools,
        boolean wantsJson,
        String promptText) {

    public RequestFeatures {
        taskMix = Map.copyOf(taskMix);
    }

    /** Tokens the model's context window must hold: the prompt plus the room asked for the answer. */
    public int requiredContext() {
        return inputTokens + maxOutputTokens;
    }
}
