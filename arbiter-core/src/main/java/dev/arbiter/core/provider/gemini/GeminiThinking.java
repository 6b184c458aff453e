package dev.arbiter.core.provider.gemini;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.Reasoning;
import dev.arbiter.core.json.Json;

/**
 * Maps the canonical {@link Reasoning} to {@code generationConfig.thinkingConfig} (Gemini takes a
 * {@code thinkingBudget} or a {@code thinkingLevel}, never both in one request). Only models with the catalog's
 * {@code reasoning} capability get a reasoning request: the gateway refuses it for the others.
 *
 * <ul>
 * <li>Enabled thinking with a budget: {@code thinkingBudget} = the budget (an effort, if also given, is not sent:
 *     the budget is the more precise of the two).</li>
 * <li>An effort otherwise: {@code thinkingLevel} {@code low}, {@code medium}, or {@code high} for
 *     {@code high}/{@code xhigh}/{@code max} (Gemini's highest level).</li>
 * <li>Adaptive thinking without an effort: {@code thinkingBudget: -1}, Gemini's dynamic thinking.</li>
 * <li>Disabled thinking: nothing, since it is Anthropic's default (the same as not asking) and some Gemini models
 *     cannot turn thinking off.</li>
 * </ul>
 * Anthropic's {@code display} is about showing thoughts to the caller, and Gemini's thought summaries are not
 * requested, so it has nothing to map to.
 */
final class GeminiThinking {
    private GeminiThinking() {
    }

    /** The thinkingConfig for a request, or null when none is due. */
    static ObjectNode config(Reasoning reasoning) {
        if (reasoning == null || !reasoning.asksForReasoning()) {
            return null;
        }
        ObjectNode config = Json.object();
        if (reasoning.mode() == Reasoning.Mode.ENABLED) {
            config.put("thinkingBudget", reasoning.budgetTokens());
        } else if (reasoning.effort() != null) {
            config.put("thinkingLevel", switch (reasoning.effort()) {
                case "low" -> "low";
                case "medium" -> "medium";
                default -> "high";
            });
        } else {
            config.put("thinkingBudget", -1);
        }
        return config;
    }
}
