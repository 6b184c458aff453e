package dev.arbiter.core.limits;

import java.util.Locale;

/**
 * A configured rate limit: the scope it limits (a key, team or model), the subject ({@link BudgetRule#EACH} = each
 * subject of the scope separately) and the requests and tokens per minute allowed.
 */
public record RateLimitRule(Scope scope, String subject, RateLimitSpec spec) {
    public RateLimitRule {
        if (scope == null || spec == null) {
            throw new IllegalArgumentException("a rate limit rule needs a scope and limits");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a rate limit rule needs a subject (or \"*\" for each)");
        }
        if (spec.rpm() == null && spec.tpm() == null) {
            throw new IllegalArgumentException("a rate limit rule needs rpm, tpm or both");
        }
    }

    /** Whether this rule covers {@code candidate} (a concrete key id, team or model id; null never matches). */
    public boolean covers(String candidate) {
        return candidate != null && (subject.equals(BudgetRule.EACH) || subject.equals(candidate));
    }

    /** What a rate limit limits. */
    public enum Scope {
        KEY, TEAM, MODEL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
