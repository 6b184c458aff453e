package dev.arbiter.core.provider.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.Reasoning;

/**
 * Writes the canonical {@link Reasoning} as Anthropic's own fields, which is where it came from when a Claude client
 * sent it: {@code thinking} ({@code enabled} with {@code budget_tokens}, {@code adaptive}, or {@code disabled}; with
 * {@code display} when given) and {@code output_config.effort}.
 */
final class AnthropicThinking {
    private AnthropicThinking() {
    }

    static void encode(Reasoning reasoning, ObjectNode body) {
        if (reasoning == null) {
            return;
        }
        if (reasoning.mode() != null) {
            ObjectNode thinking = body.putObject("thinking");
            switch (reasoning.mode()) {
                case ENABLED -> thinking.put("type", "enabled").put("budget_tokens", reasoning.budgetTokens());
                case ADAPTIVE -> thinking.put("type", "adaptive");
                case DISABLED -> thinking.put("type", "disabled");
            }
            if (reasoning.display() != null) {
                thinking.put("display", reasoning.display());
            }
        }
        if (reasoning.effort() != null) {
            body.putObject("output_config").put("effort", reasoning.effort());
        }
    }
}
