package dev.arbiter.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Choice;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ReasoningBlock;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a non-streamed Messages API response: text blocks joined, {@code tool_use} blocks as tool calls
 * (arguments = the JSON text of {@code input}), the JSON-mode tool's input as the message text with a natural
 * stop, {@code thinking} / {@code redacted_thinking} blocks as the message's reasoning (signature and data
 * unchanged, so an Anthropic-format caller gets them back exactly). Server-tool blocks are left out: the canonical
 * answer has no place for them.
 */
final class AnthropicResponseDecoder {

    private AnthropicResponseDecoder() {
    }

    static ChatResponse decode(byte[] body, long created) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (RuntimeException e) {
            throw bad("the response body is not valid JSON");
        }
        try {
            return read(root, created);
        } catch (ArbiterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad("the response body has an unexpected shape (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static ChatResponse read(JsonNode root, long created) {
        JsonNode content = root.get("content");
        if (content == null || !content.isArray()) {
            throw bad("the response has no content array");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        List<ReasoningBlock> reasoning = new ArrayList<>();
        String json = null;
        for (JsonNode block : content) {
            String type = Json.textOrNull(block, "type");
            if ("text".equals(type) && Json.textOrNull(block, "text") != null) {
                text.append(Json.textOrNull(block, "text"));
            } else if ("tool_use".equals(type)) {
                String name = Json.textOrNull(block, "name");
                JsonNode input = block.has("input") ? block.get("input") : Json.object();
                if (AnthropicWire.JSON_TOOL.equals(name)) {
                    json = Json.text(input);
                } else {
                    calls.add(new ToolCall(Json.textOrNull(block, "id"), name, Json.text(input)));
                }
            } else if (reasoningBlock(block) != null) {
                reasoning.add(reasoningBlock(block));
            }
            // server-tool blocks: nothing the canonical answer can hold
        }
        FinishReason finish = AnthropicWire.finishReason(Json.textOrNull(root, "stop_reason"));
        String answer = text.toString();
        if (json != null && calls.isEmpty()) {
            answer = json;
            finish = finish == FinishReason.TOOL_CALLS ? FinishReason.STOP : finish;
        }
        List<ContentPart> parts = answer.isEmpty() ? List.of() : List.of(new ContentPart.Text(answer));
        Message message = new Message(Role.ASSISTANT, parts, calls, null, null).withReasoning(reasoning);
        return new ChatResponse(Json.textOrNull(root, "id"), Json.textOrNull(root, "model"), created,
                List.of(new Choice(0, message, finish)), AnthropicWire.usage(root.get("usage")));
    }

    /** A {@code thinking} or {@code redacted_thinking} block as a reasoning block; null for any other block. */
    private static ReasoningBlock reasoningBlock(JsonNode block) {
        String type = Json.textOrNull(block, "type");
        if ("thinking".equals(type) && Json.textOrNull(block, "thinking") != null) {
            return new ReasoningBlock.Thought(Json.textOrNull(block, "thinking"), Json.textOrNull(block, "signature"));
        }
        if ("redacted_thinking".equals(type) && Json.textOrNull(block, "data") != null) {
            return new ReasoningBlock.Redacted(Json.textOrNull(block, "data"));
        }
        return null;
    }

    static ArbiterException bad(String what) {
        return new ArbiterException(ErrorKind.PROVIDER_BAD_RESPONSE, "Anthropic sent a bad response: " + what);
    }
}
