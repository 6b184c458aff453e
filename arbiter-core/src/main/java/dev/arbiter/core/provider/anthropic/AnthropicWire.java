package dev.arbiter.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;

/**
 * The vocabulary of the Anthropic Messages API that both directions share (the upstream codec and the
 * client-facing ingress): stop reasons, the usage object and the error type that goes with an HTTP status.
 */
public final class AnthropicWire {
    /** The {@code anthropic-version} header value this codec speaks. */
    public static final String API_VERSION = "2023-06-01";
    /**
     * The forced tool that carries JSON-mode output: Anthropic has no {@code response_format}, so a JSON
     * answer is asked for as this tool's input and decoded back as the message text.
     */
    public static final String JSON_TOOL = "json_output";

    private AnthropicWire() {
    }

    /**
     * A wire {@code stop_reason} in canonical form. {@code pause_turn} (server tools only) and values this
     * codec does not know read as a natural stop; running out of context reads as running out of tokens.
     */
    public static FinishReason finishReason(String wire) {
        if (wire == null) {
            return FinishReason.STOP;
        }
        return switch (wire) {
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP;
        };
    }

    /** A canonical finish reason as a {@code stop_reason}; a stream cut by an error has none, so it reads as end_turn. */
    public static String stopReason(FinishReason reason) {
        return switch (reason) {
            case LENGTH -> "max_tokens";
            case TOOL_CALLS -> "tool_use";
            case CONTENT_FILTER -> "refusal";
            case STOP, ERROR -> "end_turn";
        };
    }

    /**
     * Reads a {@code usage} object into the canonical (OpenAI) convention: Anthropic's {@code input_tokens}
     * excludes cache reads and writes, so all three are summed; {@code output_tokens} already includes thinking.
     */
    public static Usage usage(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Usage.ZERO;
        }
        long cacheRead = Json.longOrZero(node, "cache_read_input_tokens");
        long cacheWrite = Json.longOrZero(node, "cache_creation_input_tokens");
        long thinking = Json.longOrZero(node.get("output_tokens_details"), "thinking_tokens");
        return new Usage(Json.longOrZero(node, "input_tokens") + cacheRead + cacheWrite,
                Json.longOrZero(node, "output_tokens"), cacheRead, thinking, cacheWrite);
    }

    /** A canonical usage as Anthropic's {@code usage} object ({@code input_tokens} without cache reads and writes). */
    public static ObjectNode usage(Usage usage) {
        ObjectNode out = Json.object();
        out.put("input_tokens", Math.max(0, usage.inputTokens() - usage.cachedInputTokens() - usage.cacheWriteTokens()));
        out.put("cache_creation_input_tokens", usage.cacheWriteTokens());
        out.put("cache_read_input_tokens", usage.cachedInputTokens());
        out.put("output_tokens", usage.outputTokens());
        return out;
    }

    /**
     * The Anthropic error {@code type} that goes with an HTTP status, as Anthropic's error reference lists them
     * (other 4xx statuses are invalid requests there too; other 5xx are API errors).
     */
    public static String errorType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> status / 100 == 4 ? "invalid_request_error" : "api_error";
        };
    }

    /** The error body: {@code {"type":"error","error":{"type","message"}}}. */
    public static ObjectNode errorBody(String type, String message) {
        ObjectNode out = Json.object().put("type", "error");
        out.putObject("error").put("type", type).put("message", message == null ? "" : message);
        return out;
    }
}
