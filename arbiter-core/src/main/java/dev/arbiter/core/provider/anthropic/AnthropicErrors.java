package dev.arbiter.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps Anthropic's errors ({@code {"type":"error","error":{"type","message"}}}, as an HTTP reply or an
 * {@code error} stream event) to Arbiter errors by whose fault they are. The error {@code type} decides, except
 * that 503/529 always mean the upstream is unavailable; a body without a known type falls back to the status.
 */
final class AnthropicErrors {
    private static final int MAX_RAW_MESSAGE = 300;

    private AnthropicErrors() {
    }

    static ArbiterException fromHttp(int status, Map<String, List<String>> headers, byte[] body) {
        String type = null;
        String message = null;
        try {
            JsonNode error = Json.parse(body).get("error");
            type = Json.textOrNull(error, "type");
            message = Json.textOrNull(error, "message");
        } catch (RuntimeException e) {
            // not Anthropic's JSON (e.g. a proxy's HTML page): the raw text is the best message there is
        }
        if (message == null) {
            String raw = new String(body, StandardCharsets.UTF_8).strip();
            message = raw.isEmpty() ? "HTTP " + status : raw.substring(0, Math.min(raw.length(), MAX_RAW_MESSAGE));
        }
        ErrorKind kind = status == 503 || status == 529 ? ErrorKind.PROVIDER_UNAVAILABLE : kindOf(type, message);
        if (kind == null) {
            kind = kindOfStatus(status);
        }
        String what = type != null ? type : "HTTP " + status;
        return new ArbiterException(kind, "Anthropic " + what + ": " + message, null, type, retryAfter(headers));
    }

    /** An {@code error} event inside a stream that had already started with 200. */
    static ArbiterException fromStreamEvent(JsonNode data) {
        JsonNode error = data.get("error");
        String type = Json.textOrNull(error, "type");
        String message = Json.textOrNull(error, "message");
        ErrorKind kind = kindOf(type, message);
        return new ArbiterException(kind == null ? ErrorKind.PROVIDER_ERROR : kind,
                "Anthropic stream failed with " + type + ": " + message, null, type, null);
    }

    /** The kind for a documented error type, or null for an unknown one. */
    static ErrorKind kindOf(String type, String message) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "invalid_request_error" -> isContextLength(message)
                    ? ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED : ErrorKind.PROVIDER_REJECTED_REQUEST;
            case "authentication_error", "permission_error", "billing_error" -> ErrorKind.PROVIDER_AUTH_FAILED;
            case "not_found_error" -> ErrorKind.PROVIDER_MODEL_NOT_FOUND;
            case "request_too_large" -> ErrorKind.CALLER_PAYLOAD_TOO_LARGE;
            case "rate_limit_error" -> ErrorKind.PROVIDER_RATE_LIMITED;
            case "api_error" -> ErrorKind.PROVIDER_ERROR;
            case "overloaded_error" -> ErrorKind.PROVIDER_UNAVAILABLE;
            case "timeout_error" -> ErrorKind.PROVIDER_TIMEOUT;
            default -> null;
        };
    }

    private static ErrorKind kindOfStatus(int status) {
        return switch (status) {
            case 401, 402, 403 -> ErrorKind.PROVIDER_AUTH_FAILED;
            case 404 -> ErrorKind.PROVIDER_MODEL_NOT_FOUND;
            case 413 -> ErrorKind.CALLER_PAYLOAD_TOO_LARGE;
            case 429 -> ErrorKind.PROVIDER_RATE_LIMITED;
            case 504 -> ErrorKind.PROVIDER_TIMEOUT;
            default -> status / 100 == 4 ? ErrorKind.PROVIDER_REJECTED_REQUEST : ErrorKind.PROVIDER_ERROR;
        };
    }

    /** Anthropic says "prompt is too long: N tokens > M maximum" (or that input plus max_tokens exceed the context limit). */
    private static boolean isContextLength(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("prompt is too long") || m.contains("context limit") || m.contains("context window");
    }

    /** Retry-After in seconds (Anthropic sends whole seconds; a decimal is rounded up), else null. */
    private static Duration retryAfter(Map<String, List<String>> headers) {
        String value = null;
        if (headers != null) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if ("retry-after".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty()) {
                    value = h.getValue().getFirst();
                }
            }
        }
        if (value == null) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.strip());
            return seconds < 0 ? null : Duration.ofSeconds((long) Math.ceil(seconds));
        } catch (NumberFormatException e) {
            return null; // an HTTP-date: without a clock here, leave the backoff to the retry policy
        }
    }
}
