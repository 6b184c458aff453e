package dev.arbiter.core.reliability;

import dev.arbiter.core.error.ArbiterException;

/**
 * What a failed call means for what to do next: retry on this model, move to another deployment, fall back to
 * another model, or stop. One table, used by every reliability stage.
 */
enum FailureClass {
    /** The request itself is wrong (400, 404, 413...) or the gateway failed: no retry, no fallback. */
    FATAL(false),
    /** The prompt does not fit this model: try a model with a larger context window. */
    CONTEXT_OVERFLOW(false),
    /** The model refused on content policy: try the configured alternative. */
    CONTENT_POLICY(false),
    /** 429: cool the deployment down (Retry-After) and call another, or wait for it. */
    RATE_LIMITED(false),
    /** 401/403: the key is bad; cool it down and move on without backoff. */
    AUTH(false),
    /** The upstream does not know the model: this deployment is useless for the request. */
    MODEL_MISSING(true),
    /** 5xx, timeouts, resets, garbled answers: back off and retry. */
    TRANSIENT(true),
    /** The gateway did not call (circuit open, deployment full): pick another deployment, no attempt spent. */
    SKIPPED(false);

    static final String CIRCUIT_OPEN = "circuit_open";
    static final String AT_CAPACITY = "at_capacity";
    static final String NO_DEPLOYMENT = "no_deployment_available";
    static final String RATE_LIMIT_COOLDOWN = "rate_limit_cooldown";
    static final String KEY_COOLDOWN = "key_cooldown";
    private static final java.util.Set<String> SKIP_CODES =
            java.util.Set.of(CIRCUIT_OPEN, AT_CAPACITY, NO_DEPLOYMENT, RATE_LIMIT_COOLDOWN, KEY_COOLDOWN);

    private final boolean breakerFailure;

    FailureClass(boolean breakerFailure) {
        this.breakerFailure = breakerFailure;
    }

    /** Whether it counts as a failure of the deployment in its circuit breaker. */
    boolean breakerFailure() {
        return breakerFailure;
    }

    /** Whether it says nothing either way about the deployment's health (the breaker permit is just released). */
    boolean neutral() {
        return this == RATE_LIMITED || this == AUTH || this == SKIPPED;
    }

    /** Whether another model may succeed where this one failed. */
    boolean fallsBack() {
        return this != FATAL;
    }

    static FailureClass of(ArbiterException e) {
        if (e.code() != null && SKIP_CODES.contains(e.code())) {
            return SKIPPED;
        }
        return switch (e.kind()) {
            case CALLER_CONTEXT_LENGTH_EXCEEDED -> CONTEXT_OVERFLOW;
            case POLICY_CONTENT_FILTERED -> CONTENT_POLICY;
            case PROVIDER_RATE_LIMITED -> RATE_LIMITED;
            case PROVIDER_AUTH_FAILED -> AUTH;
            case PROVIDER_MODEL_NOT_FOUND -> MODEL_MISSING;
            case PROVIDER_ERROR, PROVIDER_BAD_RESPONSE, PROVIDER_UNAVAILABLE, PROVIDER_UNREACHABLE, PROVIDER_TIMEOUT -> TRANSIENT;
            default -> FATAL;
        };
    }
}
