package dev.arbiter.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of the OpenAI Chat Completions format that both directions share (the upstream codec and the
 * client-facing ingress): messages, content parts, tool calls, usage and finish reasons as OpenAI's API
 * reference spells them.
 */
public final class OpenAiMessages {
    private OpenAiMessages() {
    }

    /** The deterministic prefix that marks a failed tool result, which Chat Completions has no flag for. */
    public static final String TOOL_ERROR_PREFIX = "Error: ";

    /**
     * One message in request form. A single text part is sent as a plain string (every compatible host reads
     * that); several parts or any image as an array of parts. An assistant turn that only calls tools gets
     * {@code "content": null}, which is what OpenAI itself returns and what clients echo back. A tool result flagged
     * as an error starts with {@value #TOOL_ERROR_PREFIX}. An assistant's reasoning blocks are not sent: they are
     * another vendor's signed scratchpad, which OpenAI can neither verify nor use.
     */
    public static ObjectNode message(Message message) {
        ObjectNode out = Json.object();
        out.put("role", message.role().wireName());
        if (message.content().isEmpty() && message.role() == Role.ASSISTANT) {
            out.putNull("content");
        } else {
            out.set("content", content(message.toolError() ? errorMarked(message.content()) : message.content()));
        }
        if (message.name() != null) {
            out.put("name", message.name());
        }
        if (!message.toolCalls().isEmpty()) {
            out.set("tool_calls", toolCalls(message.toolCalls()));
        }
        if (message.toolCallId() != null) {
            out.put("tool_call_id", message.toolCallId());
        }
        return out;
    }

    /** The content with the error prefix put in front of its first text part (or before its first part). */
    private static List<ContentPart> errorMarked(List<ContentPart> parts) {
        List<ContentPart> out = new ArrayList<>(parts);
        if (!out.isEmpty() && out.getFirst() instanceof ContentPart.Text t) {
            out.set(0, new ContentPart.Text(TOOL_ERROR_PREFIX + t.text(), t.cache()));
        } else {
            out.addFirst(new ContentPart.Text(TOOL_ERROR_PREFIX));
        }
        return out;
    }

    /** Message content: a string for one text part, else an array of {@code text}/{@code image_url} parts. */
    public static JsonNode content(List<ContentPart> parts) {
        if (parts.size() == 1 && parts.getFirst() instanceof ContentPart.Text t) {
            return Json.MAPPER.getNodeFactory().textNode(t.text());
        }
        ArrayNode out = Json.array();
        for (ContentPart part : parts) {
            out.add(part(part));
        }
        return out;
    }

    private static ObjectNode part(ContentPart part) {
        ObjectNode out = Json.object();
        switch (part) {
            case ContentPart.Text t -> out.put("type", "text").put("text", t.text());
            case ContentPart.Image img -> {
                ObjectNode imageUrl = out.put("type", "image_url").putObject("image_url");
                imageUrl.put("url", img.asUrl());
                if (img.detail() != null) {
                    imageUrl.put("detail", img.detail());
                }
            }
        }
        return out;
    }

    /** {@code tool_calls} of an assistant message: {@code [{id, type: "function", function: {name, arguments}}]}. */
    public static ArrayNode toolCalls(List<ToolCall> calls) {
        ArrayNode out = Json.array();
        for (ToolCall call : calls) {
            ObjectNode node = out.addObject();
            node.put("id", call.id());
            node.put("type", "function");
            node.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
        }
        return out;
    }

    /** The {@code usage} object with OpenAI's detail objects (audio and prediction counts are always 0 here). */
    public static ObjectNode usage(Usage usage) {
        ObjectNode out = Json.object();
        out.put("prompt_tokens", usage.inputTokens());
        out.put("completion_tokens", usage.outputTokens());
        out.put("total_tokens", usage.totalTokens());
        out.putObject("prompt_tokens_details")
                .put("cached_tokens", usage.cachedInputTokens())
                .put("audio_tokens", 0);
        out.putObject("completion_tokens_details")
                .put("reasoning_tokens", usage.reasoningTokens())
                .put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0);
        return out;
    }

    /**
     * Reads a {@code usage} object. Cached tokens come from {@code prompt_tokens_details.cached_tokens}, or
     * from DeepSeek's {@code prompt_cache_hit_tokens} for hosts that report them that way.
     */
    public static Usage usage(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Usage.ZERO;
        }
        long cached = Json.longOrZero(node.get("prompt_tokens_details"), "cached_tokens");
        if (cached == 0) {
            cached = Json.longOrZero(node, "prompt_cache_hit_tokens");
        }
        long reasoning = Json.longOrZero(node.get("completion_tokens_details"), "reasoning_tokens");
        return new Usage(Json.longOrZero(node, "prompt_tokens"), Json.longOrZero(node, "completion_tokens"),
                cached, reasoning, 0);
    }

    /**
     * A wire {@code finish_reason} in canonical form. The deprecated {@code function_call} means a tool call;
     * null and values only some hosts invent (e.g. {@code eos}) read as a natural stop.
     */
    public static FinishReason finishReason(String wire) {
        if (wire == null) {
            return FinishReason.STOP;
        }
        return switch (wire) {
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            case "error" -> FinishReason.ERROR;
            default -> FinishReason.STOP;
        };
    }
}
