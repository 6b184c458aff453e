package dev.arbiter.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps Google's error body {@code {"error":{"code","message","status","details"}}} to Arbiter errors by whose
 * fault it was. Gemini answers a bad API key with 400 INVALID_ARGUMENT and reason {@code API_KEY_INVALID}, so that
 * reason counts as an auth failure; an over-long prompt is a 400 whose message says the input token count exceeds
 * the limit. A 429's wait comes from Retry-After when present, else from the {@code google.rpc.RetryInfo} detail.
 */
final class GeminiErrors {
    private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";
    private static final String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";

    private GeminiErrors() {
    }

    static ArbiterException fromResponse(int status, Map<String, List<String>> headers, byte[] body) {
        JsonNode error = errorObject(body);
        String message = error == null ? snippet(body) : Json.textOrNull(error, "message");
        String grpcStatus = error == null ? null : Json.textOrNull(error, "status");
        Duration retryAfter = retryAfterHeader(headers);
        return build(status, grpcStatus, message, error, retryAfter);
    }

    /** An error object that arrived inside a stream (its HTTP status was already 200). */
    static ArbiterException fromErrorObject(JsonNode error) {
        int code = error.path("code").asInt(500);
        return build(code, Json.textOrNull(error, "status"), Json.textOrNull(error, "message"), error, null);
    }

    private static ArbiterException build(int status, String grpcStatus, String message, JsonNode error, Duration retryAfter) {
        ErrorKind kind = kindOf(status, grpcStatus, message, error);
        String text = "Gemini API error " + status + (grpcStatus == null ? "" : " " + grpcStatus) + ": "
                + (message == null || message.isBlank() ? "(no message)" : message);
        Duration wait = kind == ErrorKind.PROVIDER_RATE_LIMITED && retryAfter == null ? retryDelay(error) : retryAfter;
        String code = grpcStatus == null ? null : grpcStatus.toLowerCase(Locale.ROOT);
        return new ArbiterException(kind, text, null, code, kind == ErrorKind.PROVIDER_RATE_LIMITED ? wait : null);
    }

    private static ErrorKind kindOf(int status, String grpcStatus, String message, JsonNode error) {
        if ("API_KEY_INVALID".equals(errorReason(error)) || status == 401 || status == 403) {
            return ErrorKind.PROVIDER_AUTH_FAILED;
        }
        return switch (status) {
            case 400 -> exceedsContext(message) ? ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED : ErrorKind.PROVIDER_REJECTED_REQUEST;
            case 404 -> ErrorKind.PROVIDER_MODEL_NOT_FOUND;
            case 429 -> ErrorKind.PROVIDER_RATE_LIMITED;
            case 503 -> ErrorKind.PROVIDER_UNAVAILABLE;
            case 504 -> ErrorKind.PROVIDER_TIMEOUT;
            default -> status >= 500 || status < 400 ? ErrorKind.PROVIDER_ERROR
                    : "RESOURCE_EXHAUSTED".equals(grpcStatus) ? ErrorKind.PROVIDER_RATE_LIMITED : ErrorKind.PROVIDER_REJECTED_REQUEST;
        };
    }

    /** Gemini's wording: "The input token count (N) exceeds the maximum number of tokens allowed (M)." */
    private static boolean exceedsContext(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("exceeds the maximum number of tokens") || m.contains("input token count")
                || m.contains("context length") || m.contains("too many tokens");
    }

    private static JsonNode errorObject(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode root = Json.parse(body);
            // some proxies wrap the error in a one-element array
            JsonNode first = root != null && root.isArray() && !root.isEmpty() ? root.get(0) : root;
            JsonNode error = first == null ? null : first.get("error");
            return error != null && error.isObject() ? error : null;
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private static String errorReason(JsonNode error) {
        for (JsonNode detail : error == null ? Json.array() : error.path("details")) {
            if (ERROR_INFO.equals(Json.textOrNull(detail, "@type"))) {
                return Json.textOrNull(detail, "reason");
            }
        }
        return null;
    }

    /** {@code RetryInfo.retryDelay} is a protobuf Duration in JSON: decimal seconds with an "s" suffix, e.g. "7s". */
    private static Duration retryDelay(JsonNode error) {
        for (JsonNode detail : error == null ? Json.array() : error.path("details")) {
            String delay = RETRY_INFO.equals(Json.textOrNull(detail, "@type")) ? Json.textOrNull(detail, "retryDelay") : null;
            if (delay != null && delay.endsWith("s")) {
                try {
                    BigDecimal seconds = new BigDecimal(delay.substring(0, delay.length() - 1));
                    return Duration.ofMillis(seconds.movePointRight(3).longValue());
                } catch (NumberFormatException | ArithmeticException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Duration retryAfterHeader(Map<String, List<String>> headers) {
        List<String> values = null;
        for (Map.Entry<String, List<String>> header : headers == null ? Map.<String, List<String>>of().entrySet() : headers.entrySet()) {
            values = "retry-after".equalsIgnoreCase(header.getKey()) ? header.getValue() : values;
        }
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(values.getFirst().trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null; // an HTTP-date: rare for Google, and RetryInfo is the better hint
        }
    }

    private static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? null : text;
    }
}
