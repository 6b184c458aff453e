package dev.arbiter.core.observe;

import dev.arbiter.core.error.ErrorKind;

/** How a request ended, by whose doing: the error kind's prefix, plus a caller that went away mid-stream. */
public enum RequestOutcome {
    OK("ok"), CALLER_ERROR("caller_error"), POLICY_ERROR("policy_error"), PROVIDER_ERROR("provider_error"),
    GATEWAY_ERROR("gateway_error"), CANCELLED("cancelled");

    private final String label;

    RequestOutcome(String label) {
        this.label = label;
    }

    /** The lower-case name used as a metrics label value. */
    public String label() {
        return label;
    }

    /** The outcome of a request that failed with {@code kind}, or {@link #OK} when {@code kind} is null. */
    public static RequestOutcome of(ErrorKind kind) {
        if (kind == null) {
            return OK;
        }
        String type = kind.type();
        if (type.startsWith("caller_")) {
            return CALLER_ERROR;
        }
        if (type.startsWith("policy_")) {
            return POLICY_ERROR;
        }
        return type.startsWith("provider_") ? PROVIDER_ERROR : GATEWAY_ERROR;
    }
}
