package dev.arbiter.testing.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fake Google Gemini API (v1beta): answers {@code models/{model}:generateContent} with a GenerateContentResponse
 * and {@code :streamGenerateContent?alt=sse} with data-only events, each a partial GenerateContentResponse, the last
 * one carrying the finish reason and full usage metadata. Scripted tool calls are rendered as {@code functionCall}
 * parts with their {@code id} (as Gemini 3 sends them); errors use Google's {@code {"error":{code,message,status}}}.
 */
public final class GeminiFakeUpstream extends FakeUpstream {

    @Override
    public URI baseUrl() {
        return URI.create(root() + "/v1beta");
    }

    @Override
    protected boolean wantsStream(RecordedRequest request) {
        return request.pathAndQuery().contains(":streamGenerateContent");
    }

    @Override
    protected JsonNode renderJson(ScriptedReply reply, RecordedRequest request) {
        ArrayNode parts = Json.array();
        if (reply.text() != null && !reply.text().isEmpty()) {
            parts.addObject().put("text", reply.text());
        }
        reply.toolCalls().forEach(call -> parts.add(functionCallPart(call)));
        ObjectNode response = envelope(request, UUID.randomUUID().toString());
        ObjectNode candidate = candidate(response, parts);
        candidate.put("finishReason", finishReason(reply.finishReason()));
        response.set("usageMetadata", usageMetadata(reply.usage()));
        return response;
    }

    @Override
    protected List<String> renderSse(ScriptedReply reply, RecordedRequest request) {
        String responseId = UUID.randomUUID().toString();
        List<String> pieces = reply.textChunks();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < pieces.size() - 1; i++) {
            ObjectNode chunk = envelope(request, responseId);
            candidate(chunk, Json.array().add(Json.object().put("text", pieces.get(i))));
            chunk.set("usageMetadata", promptOnlyUsage(reply.usage()));
            events.add(sse(null, chunk));
        }
        ArrayNode lastParts = Json.array();
        lastParts.addObject().put("text", pieces.isEmpty() ? "" : pieces.getLast());
        reply.toolCalls().forEach(call -> lastParts.add(functionCallPart(call)));
        ObjectNode last = envelope(request, responseId);
        candidate(last, lastParts).put("finishReason", finishReason(reply.finishReason()));
        last.set("usageMetadata", usageMetadata(reply.usage()));
        events.add(sse(null, last));
        return events;
    }

    @Override
    protected JsonNode renderError(ScriptedReply reply) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("code", reply.status());
        error.put("message", reply.errorMessage());
        error.put("status", grpcStatus(reply.status()));
        if (reply.retryAfter() != null) {
            ObjectNode retryInfo = error.putArray("details").addObject();
            retryInfo.put("@type", "type.googleapis.com/google.rpc.RetryInfo");
            retryInfo.put("retryDelay", reply.retryAfter().toSeconds() + "s");
        }
        return body;
    }

    private static ObjectNode envelope(RecordedRequest request, String responseId) {
        ObjectNode response = Json.object();
        response.putArray("candidates");
        response.put("modelVersion", modelOf(request));
        response.put("responseId", responseId);
        return response;
    }

    private static ObjectNode candidate(ObjectNode response, ArrayNode parts) {
        ObjectNode candidate = ((ArrayNode) response.get("candidates")).addObject();
        ObjectNode content = candidate.putObject("content");
        content.set("parts", parts);
        content.put("role", "model");
        candidate.put("index", 0);
        return candidate;
    }

    private static ObjectNode functionCallPart(ToolCall call) {
        ObjectNode part = Json.object();
        ObjectNode functionCall = part.putObject("functionCall");
        functionCall.put("id", call.id());
        functionCall.put("name", call.name());
        functionCall.set("args", Json.parse(call.argumentsJson()));
        return part;
    }

    /** Gemini counts thinking apart from the answer: candidates exclude thoughts, the prompt includes cached content. */
    private static ObjectNode usageMetadata(Usage usage) {
        Usage u = usage == null ? Usage.ZERO : usage;
        ObjectNode meta = Json.object();
        meta.put("promptTokenCount", u.inputTokens());
        meta.put("candidatesTokenCount", u.outputTokens() - u.reasoningTokens());
        meta.put("totalTokenCount", u.inputTokens() + u.outputTokens());
        if (u.cachedInputTokens() > 0) {
            meta.put("cachedContentTokenCount", u.cachedInputTokens());
        }
        if (u.reasoningTokens() > 0) {
            meta.put("thoughtsTokenCount", u.reasoningTokens());
        }
        return meta;
    }

    /** What Gemini reports on chunks before the last: the prompt is counted, the answer not yet. */
    private static ObjectNode promptOnlyUsage(Usage usage) {
        long prompt = usage == null ? 0 : usage.inputTokens();
        return Json.object().put("promptTokenCount", prompt).put("totalTokenCount", prompt);
    }

    private static String finishReason(FinishReason reason) {
        if (reason == null) {
            return "STOP";
        }
        return switch (reason) {
            case STOP, TOOL_CALLS -> "STOP";
            case LENGTH -> "MAX_TOKENS";
            case CONTENT_FILTER -> "SAFETY";
            case ERROR -> "OTHER";
        };
    }

    private static String grpcStatus(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 500 -> "INTERNAL";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> "UNKNOWN";
        };
    }

    /** The model named in the request path: {@code /v1beta/models/{model}:method}. */
    private static String modelOf(RecordedRequest request) {
        String path = request.pathAndQuery();
        int start = path.indexOf("/models/");
        int end = path.indexOf(':', Math.max(start, 0));
        return start < 0 || end < 0 ? "unknown" : path.substring(start + "/models/".length(), end);
    }
}
