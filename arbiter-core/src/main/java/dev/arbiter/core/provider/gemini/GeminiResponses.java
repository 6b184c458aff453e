package dev.arbiter.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the pieces of a {@code GenerateContentResponse} that both the whole-body and the streamed decoder need:
 * the first candidate's parts, its finish reason, usage, and a prompt blocked before any candidate was made.
 */
final class GeminiResponses {

    private GeminiResponses() {
    }

    /** Parses one response object; garbage is PROVIDER_BAD_RESPONSE. */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode root = Json.parse(body);
            if (root == null || !root.isObject()) {
                throw badResponse("a GenerateContentResponse must be a JSON object");
            }
            return root;
        } catch (UncheckedIOException e) {
            throw badResponse("response body is not valid JSON");
        }
    }

    /** The first candidate, or null when the response has none. */
    static JsonNode firstCandidate(JsonNode response) {
        JsonNode candidates = response.path("candidates");
        return candidates.isArray() && !candidates.isEmpty() ? candidates.get(0) : null;
    }

    /** Throws POLICY_CONTENT_FILTERED when Gemini refused the prompt itself ({@code promptFeedback.blockReason}). */
    static void rejectBlockedPrompt(JsonNode response) {
        String reason = Json.textOrNull(response.path("promptFeedback"), "blockReason");
        if (reason != null) {
            throw new ArbiterException(ErrorKind.POLICY_CONTENT_FILTERED,
                    "Gemini blocked the prompt (blockReason " + reason + ")", "messages", "content_filter", null);
        }
    }

    /** The visible text of a candidate's parts, thought summaries left out. */
    static String text(JsonNode candidate) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.has("text") && !part.path("thought").asBoolean(false)) {
                text.append(part.get("text").asText());
            }
        }
        return text.toString();
    }

    /** The candidate's function calls as canonical tool calls, numbered from {@code firstIndex}. */
    static List<ToolCall> toolCalls(JsonNode candidate, int firstIndex) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode part : candidate.path("content").path("parts")) {
            JsonNode call = part.get("functionCall");
            if (call != null && call.isObject()) {
                calls.add(toolCall(part, call, firstIndex + calls.size()));
            }
        }
        return calls;
    }

    private static ToolCall toolCall(JsonNode part, JsonNode call, int n) {
        String name = Json.textOrNull(call, "name");
        if (name == null) {
            throw badResponse("a functionCall has no name");
        }
        JsonNode args = call.path("args");
        String id = ToolCallIds.toCanonical(Json.textOrNull(call, "id"), Json.textOrNull(part, "thoughtSignature"), n);
        return new ToolCall(id, name, args.isObject() ? Json.text(args) : "{}");
    }

    /**
     * Gemini's finish reason in OpenAI's vocabulary; null when the candidate is not finished. STOP with function
     * calls is TOOL_CALLS; the safety family is CONTENT_FILTER; a malformed or unexpected function call is a failure
     * of the upstream (another attempt may succeed), not an answer.
     */
    static FinishReason finishReason(JsonNode candidate, boolean hasToolCalls) {
        String reason = Json.textOrNull(candidate, "finishReason");
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "STOP" -> hasToolCalls ? FinishReason.TOOL_CALLS : FinishReason.STOP;
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "LANGUAGE", "IMAGE_SAFETY",
                 "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION" -> FinishReason.CONTENT_FILTER;
            case "MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS" ->
                    throw new ArbiterException(ErrorKind.PROVIDER_ERROR, "Gemini stopped with " + reason
                            + messageSuffix(candidate), null, reason.toLowerCase(java.util.Locale.ROOT), null);
            // OTHER, FINISH_REASON_UNSPECIFIED and reasons newer than this codec: OpenAI has nothing closer
            default -> hasToolCalls ? FinishReason.TOOL_CALLS : FinishReason.STOP;
        };
    }

    private static String messageSuffix(JsonNode candidate) {
        String message = Json.textOrNull(candidate, "finishMessage");
        return message == null ? "" : ": " + message;
    }

    /**
     * Usage in OpenAI's convention: input is the prompt (cached content included) plus tool-use prompt tokens,
     * output is the candidates plus thinking tokens (Gemini counts them apart and bills both as output).
     */
    static Usage usage(JsonNode response) {
        JsonNode meta = response.get("usageMetadata");
        if (meta == null || !meta.isObject()) {
            return null;
        }
        long thoughts = Json.longOrZero(meta, "thoughtsTokenCount");
        long input = Json.longOrZero(meta, "promptTokenCount") + Json.longOrZero(meta, "toolUsePromptTokenCount");
        long output = Json.longOrZero(meta, "candidatesTokenCount") + thoughts;
        return new Usage(input, output, Json.longOrZero(meta, "cachedContentTokenCount"), thoughts, 0);
    }

    static ArbiterException badResponse(String what) {
        return new ArbiterException(ErrorKind.PROVIDER_BAD_RESPONSE, "Gemini sent a response Arbiter cannot read: " + what);
    }
}
