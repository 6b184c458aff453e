package dev.arbiter.core.chat;

import java.util.Set;

/**
 * How much the caller wants the model to reason before it answers (Anthropic's {@code thinking} and
 * {@code output_config.effort}). {@code mode} is null when the caller set only an effort; {@code budgetTokens} is
 * set for {@link Mode#ENABLED} only; {@code effort} is one of {@link #EFFORTS} or null; {@code display}
 * ({@code summarized} / {@code omitted}) says how Anthropic shows the thinking and means nothing elsewhere.
 */
public record Reasoning(Mode mode, Integer budgetTokens, String effort, String display) {

    /** Thinking with a token budget, thinking as much as the model sees fit, or no extended thinking. */
    public enum Mode { ENABLED, ADAPTIVE, DISABLED }

    /** Effort levels, in Anthropic's vocabulary. */
    public static final Set<String> EFFORTS = Set.of("low", "medium", "high", "xhigh", "max");

    public Reasoning {
        if ((mode == Mode.ENABLED) != (budgetTokens != null)) {
            throw new IllegalArgumentException("a token budget goes with enabled thinking, and only with it");
        }
        if (effort != null && !EFFORTS.contains(effort)) {
            throw new IllegalArgumentException("effort must be one of " + EFFORTS + ", got '" + effort + "'");
        }
        if (mode == null && effort == null) {
            throw new IllegalArgumentException("a reasoning request needs a mode or an effort");
        }
    }

    public static Reasoning enabled(int budgetTokens) {
        return new Reasoning(Mode.ENABLED, budgetTokens, null, null);
    }

    public static Reasoning adaptive() {
        return new Reasoning(Mode.ADAPTIVE, null, null, null);
    }

    public static Reasoning disabled() {
        return new Reasoning(Mode.DISABLED, null, null, null);
    }

    /** The same request with an effort level. */
    public Reasoning withEffort(String newEffort) {
        return new Reasoning(mode, budgetTokens, newEffort, display);
    }

    /** True when the caller asks for reasoning (enabled, adaptive or an effort level); false for disabled. */
    public boolean asksForReasoning() {
        return mode == Mode.ENABLED || mode == Mode.ADAPTIVE || effort != null;
    }
}
