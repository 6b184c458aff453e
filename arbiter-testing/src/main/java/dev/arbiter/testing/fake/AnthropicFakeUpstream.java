package dev.arbiter.testing.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.ReasoningBlock;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Anthropic Messages API ({@code POST /v1/messages}): scripted replies rendered as Message objects, as
 * the documented SSE sequence ({@code event:} lines, a {@code ping} after the first block starts) and as
 * Anthropic error bodies. A request whose {@code tool_choice} forces a tool gets a scripted text-only reply
 * back as that tool's input, the way the real API answers a forced tool, so JSON mode round-trips. A reply can be
 * preceded by signed {@code thinking} and {@code redacted_thinking} blocks ({@link #thinkBeforeNextAnswer}), streamed
 * as the real API streams them ({@code thinking_delta}s, then one {@code signature_delta}). The Token Counting API
 * ({@code POST /v1/messages/count_tokens}) answers {@code {"input_tokens": N}} with the scripted reply's input
 * tokens ({@link #tokenCount}), or the scripted error.
 */
public final class AnthropicFakeUpstream extends FakeUpstream {
    private final AtomicInteger ids = new AtomicInteger();
    private final ConcurrentLinkedQueue<JsonNode> streamErrors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<List<ReasoningBlock>> thinking = new ConcurrentLinkedQueue<>();

    /** One content block of the answer: text, or a tool_use with its input as JSON text. */
    private record Block(String text, String toolId, String toolName, String inputJson) {
        boolean isText() {
            return toolName == null;
        }
    }

    @Override
    public URI baseUrl() {
        return URI.create(root() + "/v1");
    }

    /**
     * Makes the next streamed answer send an {@code event: error} of this Anthropic type right after its first
     * delta, then end, as the real API does when it fails mid-stream.
     */
    public AnthropicFakeUpstream failNextStreamMidway(String errorType, String message) {
        ObjectNode error = Json.object().put("type", "error");
        error.putObject("error").put("type", errorType).put("message", message);
        streamErrors.add(error);
        return this;
    }

    /** Makes the next answer (whole or streamed) start with these thinking blocks. */
    public AnthropicFakeUpstream thinkBeforeNextAnswer(List<ReasoningBlock> blocks) {
        thinking.add(List.copyOf(blocks));
        return this;
    }

    @Override
    protected boolean wantsStream(RecordedRequest request) {
        JsonNode stream = request.body() == null ? null : request.body().get("stream");
        return stream != null && stream.isBoolean() && stream.booleanValue();
    }

    /** A reply for a count_tokens request: Anthropic's count is this many input tokens. */
    public static ScriptedReply tokenCount(int inputTokens) {
        return ScriptedReply.text("", Usage.of(inputTokens, 0));
    }

    @Override
    protected JsonNode renderJson(ScriptedReply reply, RecordedRequest request) {
        if (request.pathAndQuery().endsWith("/messages/count_tokens")) {
            return Json.object().put("input_tokens", reply.usage() == null ? 0 : reply.usage().inputTokens());
        }
        ObjectNode message = shell(request);
        ArrayNode content = message.putArray("content");
        for (ReasoningBlock block : nextThinking()) {
            content.add(thinkingBlock(block, false));
        }
        for (Block block : blocks(reply, request)) {
            if (block.isText()) {
                content.addObject().put("type", "text").put("text", block.text());
            } else {
                content.addObject().put("type", "tool_use").put("id", block.toolId()).put("name", block.toolName())
                        .set("input", Json.parse(block.inputJson()));
            }
        }
        message.put("stop_reason", stopReason(reply, request));
        message.putNull("stop_sequence");
        message.set("usage", usage(reply.usage(), reply.usage() == null ? 0 : reply.usage().outputTokens()));
        return message;
    }

    @Override
    protected List<String> renderSse(ScriptedReply reply, RecordedRequest request) {
        List<String> events = new ArrayList<>();
        ObjectNode start = shell(request);
        start.putArray("content");
        start.putNull("stop_reason");
        start.putNull("stop_sequence");
        start.set("usage", usage(reply.usage(), 1)); // the real API reports a token or so here, the total at the end
        events.add(sse("message_start", Json.object().put("type", "message_start").set("message", start)));
        List<ReasoningBlock> thoughts = nextThinking();
        for (int i = 0; i < thoughts.size(); i++) {
            events.addAll(thinkingEvents(i, thoughts.get(i), reply.timing().textChunks()));
        }
        List<Block> blocks = blocks(reply, request);
        for (int i = 0; i < blocks.size(); i++) {
            events.addAll(blockEvents(thoughts.size() + i, blocks.get(i), reply.timing().textChunks()));
        }
        ObjectNode delta = Json.object().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", stopReason(reply, request)).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", reply.usage() == null ? 0 : reply.usage().outputTokens());
        events.add(sse("message_delta", delta));
        events.add(sse("message_stop", Json.object().put("type", "message_stop")));
        return injectStreamError(events);
    }

    private List<String> blockEvents(int index, Block block, int chunks) {
        List<String> events = new ArrayList<>();
        ObjectNode start = Json.object().put("type", "content_block_start").put("index", index);
        ObjectNode contentBlock = start.putObject("content_block");
        if (block.isText()) {
            contentBlock.put("type", "text").put("text", "");
        } else {
            contentBlock.put("type", "tool_use").put("id", block.toolId()).put("name", block.toolName()).putObject("input");
        }
        events.add(sse("content_block_start", start));
        if (index == 0) {
            events.add(sse("ping", Json.object().put("type", "ping")));
        }
        if (!block.isText()) {
            events.add(delta(index, "input_json_delta", "partial_json", "")); // the real API opens with an empty piece
        }
        for (String piece : pieces(block.isText() ? block.text() : block.inputJson(), chunks)) {
            events.add(block.isText() ? delta(index, "text_delta", "text", piece) : delta(index, "input_json_delta", "partial_json", piece));
        }
        events.add(sse("content_block_stop", Json.object().put("type", "content_block_stop").put("index", index)));
        return events;
    }

    private List<ReasoningBlock> nextThinking() {
        List<ReasoningBlock> next = thinking.poll();
        return next == null ? List.of() : next;
    }

    /** A thinking block whole, or as a stream starts it (empty thinking and signature). */
    private static ObjectNode thinkingBlock(ReasoningBlock block, boolean streamStart) {
        return switch (block) {
            case ReasoningBlock.Thought t -> Json.object().put("type", "thinking").put("thinking", streamStart ? "" : t.text())
                    .put("signature", streamStart || t.signature() == null ? "" : t.signature());
            case ReasoningBlock.Redacted r -> Json.object().put("type", "redacted_thinking").put("data", r.data());
        };
    }

    private static List<String> thinkingEvents(int index, ReasoningBlock block, int chunks) {
        List<String> events = new ArrayList<>();
        ObjectNode start = Json.object().put("type", "content_block_start").put("index", index);
        start.set("content_block", thinkingBlock(block, true));
        events.add(sse("content_block_start", start));
        if (block instanceof ReasoningBlock.Thought t) {
            for (String piece : pieces(t.text(), chunks)) {
                events.add(delta(index, "thinking_delta", "thinking", piece));
            }
            if (t.signature() != null) {
                events.add(delta(index, "signature_delta", "signature", t.signature()));
            }
        }
        events.add(sse("content_block_stop", Json.object().put("type", "content_block_stop").put("index", index)));
        return events;
    }

    private static String delta(int index, String type, String field, String value) {
        ObjectNode event = Json.object().put("type", "content_block_delta").put("index", index);
        event.putObject("delta").put("type", type).put(field, value);
        return sse("content_block_delta", event);
    }

    /** With a mid-stream failure queued: everything up to the first delta, then the error event, then the end. */
    private List<String> injectStreamError(List<String> events) {
        JsonNode error = streamErrors.poll();
        if (error == null) {
            return events;
        }
        List<String> cut = new ArrayList<>();
        for (String event : events) {
            cut.add(event);
            if (event.startsWith("event: content_block_delta")) {
                break;
            }
        }
        cut.add(sse("error", error));
        return cut;
    }

    @Override
    protected JsonNode renderError(ScriptedReply reply) {
        ObjectNode body = Json.object().put("type", "error");
        body.putObject("error").put("type", errorType(reply.status())).put("message", reply.errorMessage());
        body.put("request_id", "req_fake" + ids.incrementAndGet());
        return body;
    }

    private ObjectNode shell(RecordedRequest request) {
        String model = request.body() == null ? null : Json.textOrNull(request.body(), "model");
        return Json.object().put("id", "msg_fake" + ids.incrementAndGet()).put("type", "message").put("role", "assistant")
                .put("model", model == null ? "claude-fake" : model);
    }

    private static List<Block> blocks(ScriptedReply reply, RecordedRequest request) {
        List<Block> blocks = new ArrayList<>();
        String forced = forcedTool(request);
        boolean text = reply.text() != null && !reply.text().isEmpty();
        if (forced != null && reply.toolCalls().isEmpty() && text && isJsonObject(reply.text())) {
            blocks.add(new Block(null, "toolu_fake_forced", forced, reply.text()));
            return blocks;
        }
        if (text) {
            blocks.add(new Block(reply.text(), null, null, null));
        }
        for (ToolCall call : reply.toolCalls()) {
            blocks.add(new Block(null, call.id(), call.name(), call.argumentsJson()));
        }
        return blocks;
    }

    private static boolean isJsonObject(String text) {
        try {
            return Json.parse(text).isObject();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String forcedTool(RecordedRequest request) {
        JsonNode choice = request.body() == null ? null : request.body().get("tool_choice");
        return choice != null && "tool".equals(Json.textOrNull(choice, "type")) ? Json.textOrNull(choice, "name") : null;
    }

    private static String stopReason(ScriptedReply reply, RecordedRequest request) {
        FinishReason reason = reply.finishReason() == null ? FinishReason.STOP : reply.finishReason();
        return switch (reason) {
            case LENGTH -> "max_tokens";
            case TOOL_CALLS -> "tool_use";
            case CONTENT_FILTER -> "refusal";
            case STOP, ERROR -> blocks(reply, request).stream().anyMatch(b -> !b.isText()) ? "tool_use" : "end_turn";
        };
    }

    /** Anthropic's usage: input_tokens excludes the tokens read from or written to the prompt cache. */
    private static ObjectNode usage(Usage usage, long outputTokens) {
        Usage u = usage == null ? Usage.ZERO : usage;
        return Json.object()
                .put("input_tokens", u.inputTokens() - u.cachedInputTokens() - u.cacheWriteTokens())
                .put("cache_creation_input_tokens", u.cacheWriteTokens())
                .put("cache_read_input_tokens", u.cachedInputTokens())
                .put("output_tokens", outputTokens);
    }

    private static String errorType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> "api_error";
        };
    }

    /** The text cut into at most {@code n} non-empty pieces, in order. */
    private static List<String> pieces(String text, int n) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int size = (text.length() + Math.max(1, n) - 1) / Math.max(1, n);
        for (int i = 0; i < text.length(); i += size) {
            out.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return out;
    }
}
