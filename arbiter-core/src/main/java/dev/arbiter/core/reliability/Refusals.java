package dev.arbiter.core.reliability;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Choice;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;

/**
 * Content-policy refusals that arrive as answers (finish reason {@code content_filter} with no text or tool call)
 * rather than as errors. They become failures only for a model with {@code content_policy_fallbacks}; otherwise the
 * caller gets the refusal as the model gave it.
 */
final class Refusals {
    private Refusals() {
    }

    static boolean isRefusal(ChatResponse response) {
        if (response.choices().isEmpty()) {
            return false;
        }
        Choice first = response.choices().getFirst();
        return first.finishReason() == FinishReason.CONTENT_FILTER
                && (first.message() == null || first.message().toolCalls().isEmpty() && first.message().text().isBlank());
    }

    static ArbiterException failure(ModelEntry model) {
        return new ArbiterException(ErrorKind.POLICY_CONTENT_FILTERED, "The model '" + model.id()
                + "' refused to answer on content policy.", null, "content_filter", null);
    }
}
