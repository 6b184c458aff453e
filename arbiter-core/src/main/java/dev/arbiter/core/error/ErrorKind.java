package dev.arbiter.core.error;

/**
 * Every error Arbiter returns, with its HTTP status and OpenAI-style {@code type}. The type's prefix says
 * whose fault it was: {@code caller_} (fix the request), {@code provider_} (the upstream failed),
 * {@code policy_} (a rule of this gateway refused it), {@code gateway_} (Arbiter itself).
 */
public enum ErrorKind {
    CALLER_INVALID_REQUEST(400, "caller_invalid_request"),
    CALLER_UNSUPPORTED_FEATURE(400, "caller_unsupported_feature"),
    CALLER_CONTEXT_LENGTH_EXCEEDED(400, "caller_context_length_exceeded"),
    CALLER_UNAUTHORIZED(401, "caller_unauthorized"),
    CALLER_FORBIDDEN(403, "caller_forbidden"),
    CALLER_UNKNOWN_MODEL(404, "caller_unknown_model"),
    CALLER_NOT_FOUND(404, "caller_not_found"),
    CALLER_METHOD_NOT_ALLOWED(405, "caller_method_not_allowed"),
    CALLER_PAYLOAD_TOO_LARGE(413, "caller_payload_too_large"),
    CALLER_UNSUPPORTED_MEDIA_TYPE(415, "caller_unsupported_media_type"),
    CALLER_RATE_LIMITED(429, "caller_rate_limited"),
    /** A budget's hard limit was reached (the default answer). */
    CALLER_BUDGET_EXCEEDED(429, "caller_budget_exceeded"),
    /** The same, for budgets configured to answer 402 Payment Required. */
    CALLER_BUDGET_EXCEEDED_PAYMENT(402, "caller_budget_exceeded"),
    POLICY_CONTENT_FILTERED(400, "policy_content_filtered"),
    PROVIDER_REJECTED_REQUEST(400, "provider_rejected_request"),
    PROVIDER_AUTH_FAILED(502, "provider_auth_failed"),
    PROVIDER_MODEL_NOT_FOUND(502, "provider_model_not_found"),
    PROVIDER_RATE_LIMITED(429, "provider_rate_limited"),
    PROVIDER_ERROR(502, "provider_error"),
    PROVIDER_BAD_RESPONSE(502, "provider_bad_response"),
    PROVIDER_UNAVAILABLE(503, "provider_unavailable"),
    PROVIDER_UNREACHABLE(502, "provider_unreachable"),
    PROVIDER_TIMEOUT(504, "provider_timeout"),
    GATEWAY_NOT_READY(503, "gateway_not_ready"),
    /** The shared limits store (Redis) is unreachable and the policy is to fail closed. */
    GATEWAY_LIMITS_UNAVAILABLE(503, "gateway_limits_unavailable"),
    GATEWAY_INTERNAL_ERROR(500, "gateway_internal_error");

    private final int status;
    private final String type;

    ErrorKind(int status, String type) {
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** True for failures of the upstream that another attempt (or another target) may not repeat. */
    public boolean isProviderFault() {
        return type.startsWith("provider_") && this != PROVIDER_REJECTED_REQUEST;
    }
}
