package dev.arbiter.core.limits;

/**
 * One rate limit that applies to a request: a rule (or a key's own limits) bound to a concrete subject, with the
 * subject's display {@code name} for messages ("key sk-arb-3f9a", "model anthropic/claude-opus-4.6").
 */
public record RateLimit(RateLimitRule.Scope scope, String subject, String name, RateLimitSpec spec) {
    public RateLimit {
        if (scope == null || subject == null || spec == null) {
            throw new IllegalArgumentException("a rate limit needs a scope, a subject and limits");
        }
        name = name == null ? scope.label() + " " + subject : name;
    }

    /** The limiter cell of one kind of this limit: {@code key:k1:rpm}. */
    public String cellId(Kind kind) {
        return scope.label() + ":" + subject + ":" + kind.label();
    }

    /** The limit of one kind, or null when this limit has none of that kind. */
    public Long perMinute(Kind kind) {
        return kind == Kind.REQUESTS ? spec.rpm() : spec.tpm();
    }

    /** Requests or tokens per minute. */
    public enum Kind {
        REQUESTS("rpm", "requests"), TOKENS("tpm", "tokens");

        private final String label;
        private final String unit;

        Kind(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }
    }
}
