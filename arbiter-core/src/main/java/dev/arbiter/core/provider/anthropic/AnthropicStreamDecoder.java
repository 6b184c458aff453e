package dev.arbiter.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.SseEvent;
import dev.arbiter.core.provider.StreamDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Anthropic's stream ({@code message_start}, {@code content_block_start/delta/stop}, {@code message_delta},
 * {@code message_stop}, {@code ping}, {@code error}) into canonical events. Tool calls are numbered in the order
 * their {@code tool_use} blocks start; the JSON-mode tool's {@code input_json_delta}s become text. Usage from
 * {@code message_start} is overlaid with the (cumulative) fields of {@code message_delta} and reported at
 * {@code message_stop}, together with the finish. Thinking blocks become reasoning deltas (text, signature, or a
 * redacted block's data), numbered in the order they start. Unknown event types are skipped, as Anthropic's
 * versioning policy asks; a stream that closes before {@code message_stop} is a failure.
 */
final class AnthropicStreamDecoder implements StreamDecoder {

    private enum Kind { TEXT, TOOL, JSON, THINKING, IGNORED }

    /** One open content block: what it carries, its tool-call (or reasoning) number, and whether any input arrived. */
    private static final class Block {
        final Kind kind;
        final int number;
        boolean hasInput;

        Block(Kind kind, int number) {
            this.kind = kind;
            this.number = number;
        }
    }

    private final long created;
    private final Map<Integer, Block> blocks = new HashMap<>();
    private final ObjectNode usage = Json.object();
    private int toolCalls;
    private int reasoningBlocks;
    private boolean jsonOutput;
    private String stopReason;
    private boolean done;

    AnthropicStreamDecoder(long created) {
        this.created = created;
    }

    @Override
    public List<StreamEvent> decode(SseEvent event) {
        JsonNode data;
        try {
            data = Json.parse(event.data());
        } catch (RuntimeException e) {
            throw AnthropicResponseDecoder.bad("a stream event is not valid JSON");
        }
        if (!data.isObject()) {
            throw AnthropicResponseDecoder.bad("a stream event is not a JSON object");
        }
        String type = "error".equals(event.event()) ? "error" : Json.textOrNull(data, "type");
        try {
            return dispatch(type == null ? event.event() : type, data);
        } catch (ArbiterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AnthropicResponseDecoder.bad("a '" + type + "' event has an unexpected shape (" + e.getClass().getSimpleName() + ")");
        }
    }

    private List<StreamEvent> dispatch(String type, JsonNode data) {
        if (type == null || done) {
            return List.of();
        }
        return switch (type) {
            case "message_start" -> messageStart(data.get("message"));
            case "content_block_start" -> blockStart(index(data), data.get("content_block"));
            case "content_block_delta" -> blockDelta(block(data), data.get("delta"));
            case "content_block_stop" -> blockStop(block(data));
            case "message_delta" -> messageDelta(data);
            case "message_stop" -> messageStop();
            case "error" -> throw AnthropicErrors.fromStreamEvent(data);
            default -> List.of(); // ping and event types newer than this codec
        };
    }

    private List<StreamEvent> messageStart(JsonNode message) {
        if (message == null || !message.isObject()) {
            throw AnthropicResponseDecoder.bad("message_start has no message");
        }
        overlayUsage(message.get("usage"));
        return List.of(new StreamEvent.Start(Json.textOrNull(message, "id"), Json.textOrNull(message, "model"), created));
    }

    private List<StreamEvent> blockStart(int index, JsonNode contentBlock) {
        String type = Json.textOrNull(contentBlock, "type");
        if ("text".equals(type)) {
            blocks.put(index, new Block(Kind.TEXT, -1));
            String text = Json.textOrNull(contentBlock, "text");
            return text == null || text.isEmpty() ? List.of() : List.of(new StreamEvent.TextDelta(0, text));
        }
        if ("thinking".equals(type) || "redacted_thinking".equals(type)) {
            return reasoningStart(index, type, contentBlock);
        }
        if (!"tool_use".equals(type)) {
            blocks.put(index, new Block(Kind.IGNORED, -1)); // server tools and block types newer than this codec
            return List.of();
        }
        String name = Json.textOrNull(contentBlock, "name");
        if (AnthropicWire.JSON_TOOL.equals(name)) {
            jsonOutput = true;
            blocks.put(index, new Block(Kind.JSON, -1));
            return List.of();
        }
        Block block = new Block(Kind.TOOL, toolCalls++);
        blocks.put(index, block);
        return List.of(new StreamEvent.ToolCallDelta(0, block.number, Json.textOrNull(contentBlock, "id"), name, ""));
    }

    private List<StreamEvent> blockDelta(Block block, JsonNode delta) {
        String type = Json.textOrNull(delta, "type");
        if ("text_delta".equals(type) && block.kind == Kind.TEXT) {
            String text = Json.textOrNull(delta, "text");
            return text == null || text.isEmpty() ? List.of() : List.of(new StreamEvent.TextDelta(0, text));
        }
        if ("input_json_delta".equals(type) && (block.kind == Kind.TOOL || block.kind == Kind.JSON)) {
            String partial = Json.textOrNull(delta, "partial_json");
            if (partial == null || partial.isEmpty()) {
                return List.of();
            }
            block.hasInput = true;
            return List.of(inputPiece(block, partial));
        }
        if (block.kind == Kind.THINKING && ("thinking_delta".equals(type) || "signature_delta".equals(type))) {
            boolean thought = "thinking_delta".equals(type);
            String piece = Json.textOrNull(delta, thought ? "thinking" : "signature");
            return piece == null || piece.isEmpty() ? List.of()
                    : List.of(new StreamEvent.ReasoningDelta(0, block.number, thought ? piece : null, thought ? null : piece, null));
        }
        return List.of(); // citation deltas and delta types newer than this codec
    }

    /** A thinking block's start may already hold text or a signature; a redacted block holds all its data. */
    private List<StreamEvent> reasoningStart(int index, String type, JsonNode contentBlock) {
        int number = reasoningBlocks++;
        blocks.put(index, new Block(Kind.THINKING, number));
        if ("redacted_thinking".equals(type)) {
            String data = Json.textOrNull(contentBlock, "data");
            return List.of(new StreamEvent.ReasoningDelta(0, number, null, null, data == null ? "" : data));
        }
        String text = Json.textOrNull(contentBlock, "thinking");
        String signature = Json.textOrNull(contentBlock, "signature");
        boolean hasText = text != null && !text.isEmpty();
        boolean hasSignature = signature != null && !signature.isEmpty();
        // an empty start still opens the block, so the writer sees a thinking block even if no delta follows
        return List.of(new StreamEvent.ReasoningDelta(0, number, hasText ? text : "", hasSignature ? signature : null, null));
    }

    /** A tool that streamed no input at all took none: its arguments are the empty object, as in a whole response. */
    private List<StreamEvent> blockStop(Block block) {
        boolean carriesInput = block.kind == Kind.TOOL || block.kind == Kind.JSON;
        return carriesInput && !block.hasInput ? List.of(inputPiece(block, "{}")) : List.of();
    }

    private static StreamEvent inputPiece(Block block, String json) {
        return block.kind == Kind.JSON
                ? new StreamEvent.TextDelta(0, json)
                : new StreamEvent.ToolCallDelta(0, block.number, null, null, json);
    }

    private List<StreamEvent> messageDelta(JsonNode data) {
        String reason = Json.textOrNull(data.get("delta"), "stop_reason");
        if (reason != null) {
            stopReason = reason;
        }
        overlayUsage(data.get("usage"));
        return List.of();
    }

    private List<StreamEvent> messageStop() {
        done = true;
        FinishReason finish = AnthropicWire.finishReason(stopReason);
        if (jsonOutput && toolCalls == 0 && finish == FinishReason.TOOL_CALLS) {
            finish = FinishReason.STOP;
        }
        return List.of(new StreamEvent.Finish(0, finish), new StreamEvent.UsageReport(AnthropicWire.usage(usage)));
    }

    /** message_delta's usage fields are cumulative: each one present replaces what message_start said. */
    private void overlayUsage(JsonNode wire) {
        if (wire != null && wire.isObject()) {
            wire.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    usage.set(e.getKey(), e.getValue());
                }
            });
        }
    }

    private static int index(JsonNode data) {
        JsonNode index = data.get("index");
        if (index == null || !index.canConvertToInt()) {
            throw AnthropicResponseDecoder.bad("a content block event has no index");
        }
        return index.intValue();
    }

    private Block block(JsonNode data) {
        Block block = blocks.get(index(data));
        if (block == null) {
            throw AnthropicResponseDecoder.bad("an event refers to content block " + index(data) + ", which never started");
        }
        return block;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public List<StreamEvent> finish() {
        if (!done) {
            throw new ArbiterException(ErrorKind.PROVIDER_ERROR, "the Anthropic stream ended before message_stop");
        }
        return List.of();
    }
}
