package dev.arbiter.core.router;

import dev.arbiter.core.routing.TaskType;

/**
 * How many output tokens to price a call at: the caller's {@code max_tokens} when set (a ceiling, so the estimate
 * errs high), else a typical answer length for the task type. The typical lengths are rough medians of answer
 * lengths for such prompts (short chat replies, long code and worked maths), documented in docs/routes.md.
 */
final class OutputEstimate {
    private OutputEstimate() {
    }

    static int tokens(Integer maxTokens, TaskType task) {
        return maxTokens != null ? maxTokens : typical(task);
    }

    static int typical(TaskType task) {
        return switch (task) {
            case CHAT -> 300;
            case EXTRACTION -> 300;
            case VISION -> 300;
            case AGENTIC -> 400;
            case LONG_CONTEXT -> 500;
            case SCIENCE -> 600;
            case CREATIVE -> 800;
            case MATH -> 900;
            case CODING -> 1200;
        };
    }
}
