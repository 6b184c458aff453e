package dev.arbiter.core.limits;

import java.util.List;

/** An admission by the rate limiter: the limits charged and the tokens charged on their tpm limits. */
public record RatePermit(List<RateLimit> limits, long tokens) implements RateLimiter.RateResult {
    public static final RatePermit NONE = new RatePermit(List.of(), 0);

    public RatePermit {
        limits = List.copyOf(limits);
    }

    /** The limits that count tokens. */
    public List<RateLimit> tokenLimits() {
        return limits.stream().filter(l -> l.spec().tpm() != null).toList();
    }
}
