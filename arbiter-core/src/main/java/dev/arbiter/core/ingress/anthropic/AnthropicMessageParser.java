package dev.arbiter.core.ingress.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ReasoningBlock;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.error.ArbiterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses Anthropic {@code messages} (and the top-level {@code system}) into canonical messages. A user turn is
 * split at its {@code tool_result} blocks: each result becomes a TOOL message and the text and images around
 * them USER messages, in order. An assistant turn's {@code tool_use} blocks become its tool calls and its
 * {@code thinking} / {@code redacted_thinking} blocks its reasoning (kept in order, ahead of the text, which is
 * where Anthropic puts them). {@code cache_control} on any block becomes a canonical cache breakpoint on that item.
 * Block types Arbiter cannot carry (documents, search results, server tools) are refused naming the field.
 */
final class AnthropicMessageParser {
    private static final Set<String> MESSAGE_FIELDS = Set.of("role", "content");

    private AnthropicMessageParser() {
    }

    /** The top-level {@code system}: a string, or an array of text blocks (one SYSTEM message either way). */
    static List<Message> system(JsonNode system) {
        if (system == null) {
            return List.of();
        }
        List<ContentPart> parts = system.isTextual() ? List.of(new ContentPart.Text(system.textValue())) : textBlocks(system, "system");
        boolean empty = parts.stream().map(ContentPart.Text.class::cast).allMatch(t -> t.text().isEmpty() && t.cache() == null);
        return empty ? List.of() : List.of(new Message(Role.SYSTEM, parts, List.of(), null, null));
    }

    static List<Message> messages(JsonNode node) {
        ArrayNode array = Fields.array(node, "messages");
        if (array.isEmpty()) {
            throw ArbiterException.invalid("messages", "messages must contain at least one message");
        }
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "messages[" + i + "]";
            ObjectNode message = Fields.object(array.get(i), at);
            Fields.onlyKnown(message, MESSAGE_FIELDS, at + ".");
            String role = Fields.string(Fields.required(message, "role", at + ".role"), at + ".role");
            JsonNode content = Fields.required(message, "content", at + ".content");
            switch (role) {
                case "user" -> userTurn(content, at + ".content", out);
                case "assistant" -> out.add(assistantTurn(content, at + ".content"));
                case "system" -> out.add(new Message(Role.SYSTEM, textContent(content, at + ".content"), List.of(), null, null));
                default -> throw ArbiterException.invalid(at + ".role", at + ".role must be 'user' or 'assistant', got '" + role + "'");
            }
        }
        return out;
    }

    private static void userTurn(JsonNode content, String at, List<Message> out) {
        if (content.isTextual()) {
            out.add(Message.user(content.textValue()));
            return;
        }
        List<ContentPart> pending = new ArrayList<>();
        ArrayNode blocks = nonEmptyBlocks(content, at);
        for (int j = 0; j < blocks.size(); j++) {
            String bt = at + "[" + j + "]";
            ObjectNode block = Fields.object(blocks.get(j), bt);
            if ("tool_result".equals(AnthropicBlockParser.type(block, bt))) {
                flushUser(pending, out);
                out.add(AnthropicBlockParser.toolResult(block, bt));
            } else {
                pending.add(AnthropicBlockParser.part(block, bt));
            }
        }
        flushUser(pending, out);
    }

    private static void flushUser(List<ContentPart> pending, List<Message> out) {
        if (!pending.isEmpty()) {
            out.add(new Message(Role.USER, pending, List.of(), null, null));
            pending.clear();
        }
    }

    private static Message assistantTurn(JsonNode content, String at) {
        if (content.isTextual()) {
            return Message.assistant(content.textValue());
        }
        List<ContentPart> parts = new ArrayList<>();
        List<ToolCall> calls = new ArrayList<>();
        List<ReasoningBlock> reasoning = new ArrayList<>();
        ArrayNode blocks = nonEmptyBlocks(content, at);
        for (int j = 0; j < blocks.size(); j++) {
            String bt = at + "[" + j + "]";
            ObjectNode block = Fields.object(blocks.get(j), bt);
            switch (AnthropicBlockParser.type(block, bt)) {
                case "text" -> parts.add(AnthropicBlockParser.text(block, bt));
                case "tool_use" -> calls.add(AnthropicBlockParser.toolUse(block, bt));
                case "thinking" -> reasoning.add(AnthropicBlockParser.thinking(block, bt));
                case "redacted_thinking" -> reasoning.add(AnthropicBlockParser.redactedThinking(block, bt));
                default -> throw AnthropicBlockParser.unsupportedBlock(block, bt);
            }
        }
        return new Message(Role.ASSISTANT, parts, calls, null, null).withReasoning(reasoning);
    }

    /** Content that may only be text: a string or an array of text blocks. */
    private static List<ContentPart> textContent(JsonNode content, String at) {
        return content.isTextual() ? List.of(new ContentPart.Text(content.textValue())) : textBlocks(content, at);
    }

    private static List<ContentPart> textBlocks(JsonNode content, String at) {
        ArrayNode blocks = Fields.array(content, at);
        List<ContentPart> parts = new ArrayList<>();
        for (int j = 0; j < blocks.size(); j++) {
            String bt = at + "[" + j + "]";
            ObjectNode block = Fields.object(blocks.get(j), bt);
            if (!"text".equals(AnthropicBlockParser.type(block, bt))) {
                throw ArbiterException.invalid(bt + ".type", bt + " must be a text block");
            }
            parts.add(AnthropicBlockParser.text(block, bt));
        }
        return parts;
    }

    private static ArrayNode nonEmptyBlocks(JsonNode content, String at) {
        ArrayNode blocks = Fields.array(content, at);
        if (blocks.isEmpty()) {
            throw ArbiterException.invalid(at, at + " must not be empty");
        }
        return blocks;
    }
}
