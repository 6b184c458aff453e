package dev.arbiter.core.limits;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.time.Duration;

/** Why the rate limiter refused: the limit, whether requests or tokens ran out, and when a retry can pass. */
public record RateRefusal(RateLimit limit, RateLimit.Kind kind, Duration retryAfter) implements RateLimiter.RateResult {

    /** Whole seconds to wait, at least one (what the Retry-After header says). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** "team t1's rate limit of 200000 tokens per minute is reached; retry in 12 s". */
    public String message() {
        return limit.name() + "'s rate limit of " + limit.perMinute(kind) + " " + kind.unit()
                + " per minute is reached; retry in " + retryAfterSeconds() + " s";
    }

    /** A 429 {@code caller_rate_limited} with code {@code rpm_exceeded} or {@code tpm_exceeded} and its Retry-After. */
    public ArbiterException toException() {
        return new ArbiterException(ErrorKind.CALLER_RATE_LIMITED, message() + ".", null, kind.label() + "_exceeded",
                Duration.ofSeconds(retryAfterSeconds()));
    }
}
