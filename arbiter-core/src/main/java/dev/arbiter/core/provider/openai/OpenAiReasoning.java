package dev.arbiter.core.provider.openai;

import dev.arbiter.core.chat.Reasoning;

/**
 * Maps the canonical {@link Reasoning} to Chat Completions' {@code reasoning_effort}. Only reasoning models get here
 * with a reasoning request: the gateway refuses {@code thinking} (400, naming it) for a model whose catalog entry
 * lacks the {@code reasoning} capability.
 *
 * <ul>
 * <li>An explicit effort wins: {@code low}, {@code medium}, {@code high} and {@code xhigh} are OpenAI values too;
 *     Anthropic's {@code max} becomes {@code xhigh}, the most OpenAI offers.</li>
 * <li>Else a thinking budget picks the effort: under {@value #MEDIUM_FROM} tokens {@code low}, under
 *     {@value #HIGH_FROM} {@code medium}, from there {@code high}. The thresholds follow Claude Code's own levels
 *     (about 4k tokens for "think", 10k for "think hard", 32k for "ultrathink").</li>
 * <li>Adaptive thinking sends nothing: OpenAI's reasoning models already decide how much to think.</li>
 * <li>Disabled thinking sends nothing: it is Anthropic's default (the same as not asking), and an OpenAI model asked
 *     nothing uses its own default.</li>
 * </ul>
 * How Anthropic displays thinking ({@code display}) has no OpenAI counterpart and does not change the answer.
 */
final class OpenAiReasoning {
    static final int MEDIUM_FROM = 4096;
    static final int HIGH_FROM = 16384;

    private OpenAiReasoning() {
    }

    /** The {@code reasoning_effort} to send, or null for none. */
    static String effort(Reasoning reasoning) {
        if (reasoning == null) {
            return null;
        }
        if (reasoning.effort() != null) {
            return reasoning.effort().equals("max") ? "xhigh" : reasoning.effort();
        }
        if (reasoning.mode() != Reasoning.Mode.ENABLED) {
            return null;
        }
        int budget = reasoning.budgetTokens();
        return budget < MEDIUM_FROM ? "low" : budget < HIGH_FROM ? "medium" : "high";
    }
}
