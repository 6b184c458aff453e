package dev.arbiter.core.limits;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;

/** The 503 a request gets when its budgets or rate limits cannot be checked and the policy is to fail closed. */
public final class LimitsUnavailable {
    /** The error code of every such 503. */
    public static final String CODE = "limits_unavailable";

    private LimitsUnavailable() {
    }

    /** A 503 {@code gateway_limits_unavailable} saying why, asking the caller to retry shortly. */
    public static ArbiterException error(String why) {
        return new ArbiterException(ErrorKind.GATEWAY_LIMITS_UNAVAILABLE,
                "Budgets and rate limits cannot be checked right now (" + why + "); retry shortly.", null, CODE,
                java.time.Duration.ofSeconds(1));
    }
}
