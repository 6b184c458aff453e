package dev.arbiter.core.ingress.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.ingress.StreamWriter;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.anthropic.AnthropicWire;
import java.util.HashSet;
import java.util.Set;

/**
 * Renders a canonical event stream as Anthropic's SSE sequence: {@code message_start}; per content block
 * {@code content_block_start}, {@code content_block_delta}s ({@code text_delta}, {@code input_json_delta},
 * {@code thinking_delta} or {@code signature_delta}; a {@code redacted_thinking} block carries its data in the start
 * event and has no deltas) and {@code content_block_stop}; then {@code message_delta} (stop reason and the whole
 * usage, whose fields are cumulative and so replace the zeros {@code message_start} had to send) and
 * {@code message_stop}. The end is
 * written as soon as both the finish and the usage are known, else at {@link #onEnd()}. Only choice 0 is rendered.
 */
final class AnthropicStreamWriter implements StreamWriter {
    private final String servedModel;
    private final Set<Integer> closedTools = new HashSet<>();
    private boolean started;
    private boolean stopped;
    private int nextBlock;
    private boolean blockOpen;
    private Integer openTool; // canonical index of the open tool_use block, null for a text block
    private Integer openReasoning; // canonical index of the open thinking block, null otherwise
    private FinishReason finish;
    private Usage usage;

    AnthropicStreamWriter(String servedModel) {
        this.servedModel = servedModel;
    }

    @Override
    public String onEvent(StreamEvent event) {
        if (stopped) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        switch (event) {
            case StreamEvent.Start s -> start(s.id(), out);
            case StreamEvent.TextDelta t -> {
                if (t.choice() == 0 && !t.text().isEmpty()) {
                    text(t.text(), out);
                }
            }
            case StreamEvent.ToolCallDelta d -> {
                if (d.choice() == 0) {
                    toolCall(d, out);
                }
            }
            case StreamEvent.ReasoningDelta r -> {
                if (r.choice() == 0) {
                    reasoning(r, out);
                }
            }
            case StreamEvent.Finish f -> {
                if (f.choice() == 0) {
                    closeBlock(out);
                    finish = f.reason();
                    endIfComplete(out);
                }
            }
            case StreamEvent.UsageReport u -> {
                usage = u.usage();
                endIfComplete(out);
            }
        }
        return out.toString();
    }

    @Override
    public String onEnd() {
        if (stopped) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        start(null, out);
        closeBlock(out);
        end(out);
        return out.toString();
    }

    @Override
    public String onError(ArbiterException error) {
        if (stopped) {
            return "";
        }
        stopped = true;
        return sse("error", AnthropicIngress.errorBody(error));
    }

    private void start(String id, StringBuilder out) {
        if (started) {
            return;
        }
        started = true;
        ObjectNode message = Json.object().put("id", AnthropicResponseRenderer.messageId(id)).put("type", "message")
                .put("role", "assistant").put("model", servedModel);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.set("usage", AnthropicWire.usage(Usage.ZERO)); // the real counts arrive only at the end
        out.append(sse("message_start", Json.object().put("type", "message_start").set("message", message)));
    }

    private void text(String text, StringBuilder out) {
        start(null, out);
        if (!blockOpen || openTool != null || openReasoning != null) {
            closeBlock(out);
            openBlock(Json.object().put("type", "text").put("text", ""), null, out);
        }
        out.append(delta(Json.object().put("type", "text_delta").put("text", text)));
    }

    private void toolCall(StreamEvent.ToolCallDelta d, StringBuilder out) {
        start(null, out);
        if (!blockOpen || openTool == null || openTool != d.index()) {
            if (closedTools.contains(d.index())) {
                // Anthropic blocks are sequential; every upstream codec emits a call's pieces together.
                throw new ArbiterException(ErrorKind.PROVIDER_BAD_RESPONSE, "tool call " + d.index() + " continued after another began");
            }
            closeBlock(out);
            ObjectNode block = Json.object().put("type", "tool_use")
                    .put("id", d.id() != null ? d.id() : "toolu_" + d.index())
                    .put("name", d.name() != null ? d.name() : "");
            block.putObject("input");
            openBlock(block, d.index(), out);
        }
        if (d.argumentsDelta() != null && !d.argumentsDelta().isEmpty()) {
            out.append(delta(Json.object().put("type", "input_json_delta").put("partial_json", d.argumentsDelta())));
        }
    }

    /**
     * A thinking block opens empty ({@code "thinking": "", "signature": ""}, as Anthropic starts one) and grows by
     * {@code thinking_delta}s and {@code signature_delta}s; a redacted block is whole in its start event.
     */
    private void reasoning(StreamEvent.ReasoningDelta r, StringBuilder out) {
        start(null, out);
        if (r.redacted() != null) {
            closeBlock(out);
            openBlock(Json.object().put("type", "redacted_thinking").put("data", r.redacted()), null, out);
            closeBlock(out);
            return;
        }
        if (!blockOpen || openReasoning == null || openReasoning != r.index()) {
            closeBlock(out);
            openBlock(Json.object().put("type", "thinking").put("thinking", "").put("signature", ""), null, out);
            openReasoning = r.index();
        }
        if (r.text() != null && !r.text().isEmpty()) {
            out.append(delta(Json.object().put("type", "thinking_delta").put("thinking", r.text())));
        }
        if (r.signature() != null && !r.signature().isEmpty()) {
            out.append(delta(Json.object().put("type", "signature_delta").put("signature", r.signature())));
        }
    }

    private void openBlock(ObjectNode contentBlock, Integer tool, StringBuilder out) {
        ObjectNode event = Json.object().put("type", "content_block_start").put("index", nextBlock);
        event.set("content_block", contentBlock);
        out.append(sse("content_block_start", event));
        blockOpen = true;
        openTool = tool;
    }

    private String delta(ObjectNode delta) {
        ObjectNode event = Json.object().put("type", "content_block_delta").put("index", nextBlock);
        event.set("delta", delta);
        return sse("content_block_delta", event);
    }

    private void closeBlock(StringBuilder out) {
        if (!blockOpen) {
            return;
        }
        out.append(sse("content_block_stop", Json.object().put("type", "content_block_stop").put("index", nextBlock)));
        if (openTool != null) {
            closedTools.add(openTool);
        }
        blockOpen = false;
        openTool = null;
        openReasoning = null;
        nextBlock++;
    }

    private void endIfComplete(StringBuilder out) {
        if (finish != null && usage != null) {
            end(out);
        }
    }

    private void end(StringBuilder out) {
        ObjectNode event = Json.object().put("type", "message_delta");
        event.putObject("delta").put("stop_reason", AnthropicWire.stopReason(finish == null ? FinishReason.STOP : finish))
                .putNull("stop_sequence");
        event.set("usage", AnthropicWire.usage(usage == null ? Usage.ZERO : usage));
        out.append(sse("message_delta", event));
        out.append(sse("message_stop", Json.object().put("type", "message_stop")));
        stopped = true;
    }

    private static String sse(String event, JsonNode data) {
        return "event: " + event + "\ndata: " + Json.text(data) + "\n\n";
    }
}
