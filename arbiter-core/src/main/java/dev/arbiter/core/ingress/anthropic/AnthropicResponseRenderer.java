package dev.arbiter.core.ingress.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Choice;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.anthropic.AnthropicWire;
import java.util.UUID;

/**
 * Renders a canonical answer as an Anthropic Message object: {@code id, type, role, model, content} (the model's
 * {@code thinking} / {@code redacted_thinking} blocks, a text block, then {@code tool_use} blocks), {@code stop_reason}, {@code stop_sequence} (always null: the canonical
 * finish does not say which sequence matched) and {@code usage} in Anthropic's convention.
 */
final class AnthropicResponseRenderer {

    private AnthropicResponseRenderer() {
    }

    static ObjectNode render(ChatResponse response, String servedModel) {
        ObjectNode out = Json.object();
        out.put("id", messageId(response.id()));
        out.put("type", "message");
        out.put("role", "assistant");
        out.put("model", servedModel);
        ArrayNode content = out.putArray("content");
        FinishReason finish = FinishReason.STOP;
        if (!response.choices().isEmpty()) {
            Choice choice = response.choices().getFirst();
            finish = choice.finishReason() == null ? FinishReason.STOP : choice.finishReason();
            content.addAll(AnthropicWire.reasoningBlocks(choice.message().reasoning()));
            String text = choice.message().text();
            if (!text.isEmpty()) {
                content.addObject().put("type", "text").put("text", text);
            }
            for (ToolCall call : choice.message().toolCalls()) {
                content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                        .set("input", toolInput(call));
            }
        }
        out.put("stop_reason", AnthropicWire.stopReason(finish));
        out.putNull("stop_sequence");
        out.set("usage", AnthropicWire.usage(response.usage()));
        return out;
    }

    /** The upstream's id, or a fresh Anthropic-style one when the upstream gave none. */
    static String messageId(String id) {
        return id != null && !id.isEmpty() ? id : "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Anthropic carries tool input as an object; a model that produced arguments that are not one made a bad answer. */
    private static JsonNode toolInput(ToolCall call) {
        String args = call.argumentsJson();
        if (args == null || args.isBlank()) {
            return Json.object();
        }
        try {
            JsonNode input = Json.parse(args);
            if (input.isObject()) {
                return input;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new ArbiterException(ErrorKind.PROVIDER_BAD_RESPONSE,
                "the model called '" + call.name() + "' with arguments that are not a JSON object");
    }
}
