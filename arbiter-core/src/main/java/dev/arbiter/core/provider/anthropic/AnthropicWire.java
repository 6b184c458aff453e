package dev.arbiter.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.arbiter.core.chat.CacheBreakpoint;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.ReasoningBlock;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;
import java.util.List;

/**
 * The vocabulary of the Anthropic Messages API that both directions share (the upstream codec and the
 * client-facing ingress): stop reasons, the usage object, the error type that goes with an HTTP status,
 * {@code cache_control} objects and thinking blocks.
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

    /** A breakpoint as {@code cache_control}: {@code {"type":"ephemeral"}} plus {@code ttl} when the caller gave one. */
    public static ObjectNode cacheControl(CacheBreakpoint cache) {
        ObjectNode out = Json.object().put("type", "ephemeral");
        if (cache.ttl() != null) {
            out.put("ttl", cache.ttl());
        }
        return out;
    }

    /** Puts {@code cache_control} on a block when it has a breakpoint; returns the block. */
    public static ObjectNode withCache(ObjectNode block, CacheBreakpoint cache) {
        if (cache != null) {
            block.set("cache_control", cacheControl(cache));
        }
        return block;
    }

    /**
     * Reasoning blocks as Anthropic content blocks: {@code {"type":"thinking","thinking","signature"}} and
     * {@code {"type":"redacted_thinking","data"}}. A thought without a signature gets an empty one, which is what
     * Anthropic's own stream starts a block with.
     */
    public static ArrayNode reasoningBlocks(List<ReasoningBlock> blocks) {
        ArrayNode out = Json.array();
        for (ReasoningBlock block : blocks) {
            switch (block) {
                case ReasoningBlock.Thought t -> out.addObject().put("type", "thinking").put("thinking", t.text())
                        .put("signature", t.signature() == null ? "" : t.signature());
                case ReasoningBlock.Redacted r -> out.addObject().put("type", "redacted_thinking").put("data", r.data());
            }
        }
        return out;
    }
}
