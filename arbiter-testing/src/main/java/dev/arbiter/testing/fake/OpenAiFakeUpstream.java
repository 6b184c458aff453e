package dev.arbiter.testing.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake OpenAI Chat Completions upstream: {@code chat.completion} bodies, {@code chat.completion.chunk}
 * streams (role chunk, content pieces, tool calls with arguments split over several chunks, finish chunk,
 * the usage chunk only when {@code stream_options.include_usage}, then {@code data: [DONE]}) and
 * {@code {"error":{...}}} bodies, shaped as in OpenAI's API reference. Written independently of the codec
 * so the contract suite checks one against the other.
 */
public class OpenAiFakeUpstream extends FakeUpstream {
    private static final String FINGERPRINT = "fp_fake0001";
    private final AtomicLong ids = new AtomicLong();

    @Override
    protected boolean wantsStream(RecordedRequest request) {
        return request.body() != null && request.body().path("stream").asBoolean(false);
    }

    @Override
    public URI baseUrl() {
        return URI.create(root() + "/v1");
    }

    @Override
    protected JsonNode renderJson(ScriptedReply reply, RecordedRequest request) {
        ObjectNode body = envelope("chat.completion", request);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (reply.text() == null) {
            message.putNull("content");
        } else {
            message.put("content", reply.text());
        }
        message.putNull("refusal");
        message.putArray("annotations");
        if (!reply.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (ToolCall call : reply.toolCalls()) {
                ObjectNode c = calls.addObject().put("id", call.id()).put("type", "function");
                c.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
            }
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(reply));
        body.set("usage", usage(reply.usage()));
        body.put("service_tier", "default");
        return body;
    }

    @Override
    protected List<String> renderSse(ScriptedReply reply, RecordedRequest request) {
        boolean includeUsage = request.body().path("stream_options").path("include_usage").asBoolean(false);
        List<String> events = new ArrayList<>();
        ObjectNode template = envelope("chat.completion.chunk", request);
        ObjectNode role = Json.object().put("role", "assistant");
        if (reply.text() == null) {
            role.putNull("content");
        } else {
            role.put("content", "");
        }
        role.putNull("refusal");
        events.add(chunk(template, role, null, includeUsage));
        for (String piece : reply.textChunks()) {
            events.add(chunk(template, Json.object().put("content", piece), null, includeUsage));
        }
        for (int i = 0; i < reply.toolCalls().size(); i++) {
            events.addAll(toolCallChunks(template, i, reply.toolCalls().get(i), includeUsage));
        }
        events.add(chunk(template, Json.object(), finishReason(reply), includeUsage));
        if (includeUsage) {
            ObjectNode usageChunk = template.deepCopy();
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage(reply.usage()));
            events.add(sse(null, usageChunk));
        }
        events.add("data: [DONE]\n\n");
        return events;
    }

    /** The first chunk of a call names it with empty arguments; the arguments follow in three pieces. */
    private static List<String> toolCallChunks(ObjectNode template, int index, ToolCall call, boolean includeUsage) {
        List<String> events = new ArrayList<>();
        ObjectNode first = Json.object().put("index", index).put("id", call.id()).put("type", "function");
        first.putObject("function").put("name", call.name()).put("arguments", "");
        events.add(chunk(template, toolDelta(first), null, includeUsage));
        String args = call.argumentsJson();
        int size = Math.max(1, (args.length() + 2) / 3);
        for (int at = 0; at < args.length(); at += size) {
            ObjectNode piece = Json.object().put("index", index);
            piece.putObject("function").put("arguments", args.substring(at, Math.min(args.length(), at + size)));
            events.add(chunk(template, toolDelta(piece), null, includeUsage));
        }
        return events;
    }

    private static ObjectNode toolDelta(ObjectNode call) {
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").add(call);
        return delta;
    }

    private static String chunk(ObjectNode template, ObjectNode delta, String finishReason, boolean includeUsage) {
        ObjectNode chunk = template.deepCopy();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        if (includeUsage) {
            chunk.putNull("usage"); // OpenAI puts "usage": null on every chunk but the last when usage is on
        }
        return sse(null, chunk);
    }

    @Override
    protected JsonNode renderError(ScriptedReply reply) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("message", reply.errorMessage());
        error.put("type", errorType(reply.status()));
        error.putNull("param");
        String code = errorCode(reply.status());
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return body;
    }

    private static String errorType(int status) {
        return switch (status) {
            case 429 -> "requests";
            case 500, 502, 503, 504 -> "server_error";
            default -> "invalid_request_error";
        };
    }

    private static String errorCode(int status) {
        return switch (status) {
            case 401 -> "invalid_api_key";
            case 404 -> "model_not_found";
            case 429 -> "rate_limit_exceeded";
            default -> null;
        };
    }

    private ObjectNode envelope(String object, RecordedRequest request) {
        ObjectNode body = Json.object();
        body.put("id", "chatcmpl-fake" + ids.incrementAndGet());
        body.put("object", object);
        body.put("created", Instant.now().getEpochSecond());
        body.put("model", request.body() == null ? "unknown" : request.body().path("model").asText("unknown"));
        body.put("system_fingerprint", FINGERPRINT);
        return body;
    }

    private static String finishReason(ScriptedReply reply) {
        FinishReason reason = reply.finishReason() == null ? FinishReason.STOP : reply.finishReason();
        return reason.wireName();
    }

    /** OpenAI's usage object with both detail objects. */
    protected static ObjectNode usage(Usage usage) {
        Usage u = usage == null ? Usage.ZERO : usage;
        ObjectNode out = Json.object();
        out.put("prompt_tokens", u.inputTokens());
        out.put("completion_tokens", u.outputTokens());
        out.put("total_tokens", u.inputTokens() + u.outputTokens());
        out.putObject("prompt_tokens_details").put("cached_tokens", u.cachedInputTokens()).put("audio_tokens", 0);
        out.putObject("completion_tokens_details").put("reasoning_tokens", u.reasoningTokens()).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        return out;
    }
}
