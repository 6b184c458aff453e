package dev.arbiter.core.ingress.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.Reasoning;
import dev.arbiter.core.error.ArbiterException;
import java.util.Set;

/**
 * Reads {@code thinking} ({@code {"type":"enabled","budget_tokens"}}, {@code {"type":"adaptive"}} or
 * {@code {"type":"disabled"}}, the first two with an optional {@code display}) and {@code output_config.effort} into
 * the canonical {@link Reasoning}. A budget below Anthropic's minimum of 1024 tokens is refused here, as Anthropic
 * would; whether it must stay under {@code max_tokens} depends on the upstream (interleaved thinking lifts that
 * limit), so that is left to it.
 */
final class AnthropicThinkingParser {
    static final int MIN_BUDGET_TOKENS = 1024;
    private static final Set<String> DISPLAYS = Set.of("summarized", "omitted");

    private AnthropicThinkingParser() {
    }

    /** The request's reasoning settings, or null when it has neither {@code thinking} nor an effort. */
    static Reasoning parse(JsonNode root) {
        Reasoning reasoning = thinking(Fields.optional(root, "thinking"));
        JsonNode config = Fields.optional(root, "output_config");
        JsonNode effortNode = config == null ? null : Fields.optional(config, "effort");
        if (effortNode == null) {
            return reasoning;
        }
        String effort = Fields.string(effortNode, "output_config.effort");
        if (!Reasoning.EFFORTS.contains(effort)) {
            throw ArbiterException.invalid("output_config.effort", "output_config.effort must be one of "
                    + Reasoning.EFFORTS + ", got '" + effort + "'");
        }
        return reasoning == null ? new Reasoning(null, null, effort, null) : reasoning.withEffort(effort);
    }

    private static Reasoning thinking(JsonNode node) {
        if (node == null) {
            return null;
        }
        ObjectNode thinking = Fields.object(node, "thinking");
        String type = Fields.string(Fields.required(thinking, "type", "thinking.type"), "thinking.type");
        return switch (type) {
            case "enabled" -> {
                Fields.onlyKnown(thinking, Set.of("type", "budget_tokens", "display"), "thinking.");
                int budget = Fields.integer(Fields.required(thinking, "budget_tokens", "thinking.budget_tokens"),
                        "thinking.budget_tokens", MIN_BUDGET_TOKENS);
                yield new Reasoning(Reasoning.Mode.ENABLED, budget, null, display(thinking));
            }
            case "adaptive" -> {
                Fields.onlyKnown(thinking, Set.of("type", "display"), "thinking.");
                yield new Reasoning(Reasoning.Mode.ADAPTIVE, null, null, display(thinking));
            }
            case "disabled" -> {
                Fields.onlyKnown(thinking, Set.of("type"), "thinking.");
                yield Reasoning.disabled();
            }
            default -> throw ArbiterException.unsupported("thinking.type", "thinking.type must be enabled, adaptive or"
                    + " disabled; '" + type + "' is not supported by Arbiter's Anthropic Messages endpoint");
        };
    }

    private static String display(ObjectNode thinking) {
        JsonNode node = Fields.optional(thinking, "display");
        if (node == null) {
            return null;
        }
        String display = Fields.string(node, "thinking.display");
        if (!DISPLAYS.contains(display)) {
            throw ArbiterException.invalid("thinking.display", "thinking.display must be 'summarized' or 'omitted', got '" + display + "'");
        }
        return display;
    }
}
