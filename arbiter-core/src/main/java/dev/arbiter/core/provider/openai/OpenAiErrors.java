package dev.arbiter.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps OpenAI-style error replies ({@code {"error":{"message","type","param","code"}}}, HTTP or in-stream)
 * to Arbiter errors saying whose fault it was, keeping the upstream's own message text.
 */
final class OpenAiErrors {
    private static final Set<String> CONTENT_FILTER_CODES =
            Set.of("content_filter", "content_policy_violation", "invalid_prompt", "responsibleaipolicyviolation");

    private final InstantSource clock;

    OpenAiErrors(InstantSource clock) {
        this.clock = clock;
    }

    /** A non-2xx HTTP reply: status decides the kind, the error code refines it. */
    ArbiterException fromHttp(int status, Map<String, List<String>> headers, byte[] body) {
        UpstreamError error = UpstreamError.parse(body);
        ErrorKind kind = refine(byStatus(status), error);
        String message = "upstream returned HTTP " + status + ": " + error.describe();
        return new ArbiterException(kind, message, error.param(), codeFor(kind, error), RetryAfter.parse(headers, clock));
    }

    /** An {@code error} object sent inside a stream, where no HTTP status tells the kind: its type and code do. */
    static ArbiterException fromStreamError(JsonNode errorNode) {
        UpstreamError error = UpstreamError.of(errorNode);
        ErrorKind kind = refine(byType(error), error);
        String message = "upstream stream failed: " + error.describe();
        return new ArbiterException(kind, message, error.param(), codeFor(kind, error), null);
    }

    static ErrorKind byStatus(int status) {
        return switch (status) {
            case 400, 422 -> ErrorKind.PROVIDER_REJECTED_REQUEST;
            // 402 is a billing failure (e.g. DeepSeek's "Insufficient Balance"): this key cannot be used.
            case 401, 402, 403 -> ErrorKind.PROVIDER_AUTH_FAILED;
            case 404 -> ErrorKind.PROVIDER_MODEL_NOT_FOUND;
            case 408, 504 -> ErrorKind.PROVIDER_TIMEOUT;
            case 413 -> ErrorKind.CALLER_PAYLOAD_TOO_LARGE;
            case 429 -> ErrorKind.PROVIDER_RATE_LIMITED;
            case 500, 502 -> ErrorKind.PROVIDER_ERROR;
            case 503, 529 -> ErrorKind.PROVIDER_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? ErrorKind.PROVIDER_REJECTED_REQUEST
                    : status >= 500 && status < 600 ? ErrorKind.PROVIDER_ERROR : ErrorKind.PROVIDER_BAD_RESPONSE;
        };
    }

    private static ErrorKind byType(UpstreamError error) {
        String type = lower(error.type());
        String code = lower(error.code());
        if (code.equals("rate_limit_exceeded") || type.equals("requests") || type.equals("tokens")
                || type.equals("rate_limit_error")) {
            return ErrorKind.PROVIDER_RATE_LIMITED;
        }
        if (type.equals("invalid_request_error")) {
            return ErrorKind.PROVIDER_REJECTED_REQUEST;
        }
        if (type.contains("overloaded") || code.equals("overloaded")) {
            return ErrorKind.PROVIDER_UNAVAILABLE;
        }
        return ErrorKind.PROVIDER_ERROR;
    }

    /** Error codes that say more than the status: the prompt was too long, content was filtered, quota is gone. */
    private static ErrorKind refine(ErrorKind kind, UpstreamError error) {
        String code = lower(error.code());
        if (kind == ErrorKind.PROVIDER_REJECTED_REQUEST || kind == ErrorKind.PROVIDER_ERROR) {
            if (code.equals("context_length_exceeded") || error.saysContextTooLong()) {
                return ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED;
            }
            if (CONTENT_FILTER_CODES.contains(code) || CONTENT_FILTER_CODES.contains(lower(error.innerCode()))) {
                return ErrorKind.POLICY_CONTENT_FILTERED;
            }
            if (code.equals("model_not_found")) {
                return ErrorKind.PROVIDER_MODEL_NOT_FOUND;
            }
        }
        if (kind == ErrorKind.PROVIDER_RATE_LIMITED && code.equals("insufficient_quota")) {
            // Out of credit, not a burst: waiting will not help, this key is unusable until billing is fixed.
            return ErrorKind.PROVIDER_AUTH_FAILED;
        }
        return kind;
    }

    private static String codeFor(ErrorKind kind, UpstreamError error) {
        if (kind == ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED) {
            return "context_length_exceeded";
        }
        return error.code();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** The Retry-After hint: {@code retry-after-ms} first (OpenAI's precise one), then {@code retry-after}. */
    static final class RetryAfter {
        private RetryAfter() {
        }

        static Duration parse(Map<String, List<String>> headers, InstantSource clock) {
            String millis = header(headers, "retry-after-ms");
            if (millis != null) {
                Duration d = number(millis, 1);
                if (d != null) {
                    return d;
                }
            }
            String value = header(headers, "retry-after");
            if (value == null) {
                return null;
            }
            Duration seconds = number(value, 1000);
            return seconds != null ? seconds : httpDate(value, clock);
        }

        private static Duration number(String value, long millisPerUnit) {
            try {
                double v = Double.parseDouble(value.trim());
                return Double.isFinite(v) && v >= 0 ? Duration.ofMillis(Math.round(v * millisPerUnit)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static Duration httpDate(String value, InstantSource clock) {
            try {
                var at = java.time.ZonedDateTime.parse(value.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }

        private static String header(Map<String, List<String>> headers, String name) {
            if (headers == null) {
                return null;
            }
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty()) {
                    return e.getValue().getFirst();
                }
            }
            return null;
        }
    }
}
