package dev.arbiter.core.limits;

/** Requests and tokens per minute; null means no limit of that kind. */
public record RateLimitSpec(Long rpm, Long tpm) {
    public RateLimitSpec {
        if ((rpm != null && rpm <= 0) || (tpm != null && tpm <= 0)) {
            throw new IllegalArgumentException("rate limits must be positive (omit one for no limit)");
        }
    }
}
