package dev.arbiter.core.ingress.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses Anthropic {@code messages} (and the top-level {@code system}) into canonical messages. A user turn is
 * split at its {@code tool_result} blocks: each result becomes a TOOL message and the text and images around
 * them USER messages, in order. An assistant turn's {@code tool_use} blocks become its tool calls. Block types
 * Arbiter cannot carry (documents, thinking, server tools), {@code cache_control} hints and error-flagged tool
 * results are refused naming the field rather than dropped.
 */
final class AnthropicMessageParser {
    private static final Set<String> MESSAGE_FIELDS = Set.of("role", "content");
    private static final Set<String> TEXT_FIELDS = Set.of("type", "text");
    private static final Set<String> IMAGE_FIELDS = Set.of("type", "source");
    private static final Set<String> TOOL_USE_FIELDS = Set.of("type", "id", "name", "input");
    private static final Set<String> TOOL_RESULT_FIELDS = Set.of("type", "tool_use_id", "content", "is_error");
    private static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private AnthropicMessageParser() {
    }

    /** The top-level {@code system}: a string, or an array of text blocks (one SYSTEM message either way). */
    static List<Message> system(JsonNode system) {
        if (system == null) {
            return List.of();
        }
        List<ContentPart> parts = system.isTextual() ? List.of(new ContentPart.Text(system.textValue())) : textBlocks(system, "system");
        boolean empty = parts.stream().allMatch(p -> ((ContentPart.Text) p).text().isEmpty());
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
            if ("tool_result".equals(type(block, bt))) {
                flushUser(pending, out);
                out.add(toolResult(block, bt));
            } else {
                pending.add(part(block, bt));
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
        ArrayNode blocks = nonEmptyBlocks(content, at);
        for (int j = 0; j < blocks.size(); j++) {
            String bt = at + "[" + j + "]";
            ObjectNode block = Fields.object(blocks.get(j), bt);
            switch (type(block, bt)) {
                case "text" -> parts.add(text(block, bt));
                case "tool_use" -> calls.add(toolUse(block, bt));
                default -> throw unsupportedBlock(block, bt);
            }
        }
        return new Message(Role.ASSISTANT, parts, calls, null, null);
    }

    /** A text or image block of a user turn or a tool result. */
    private static ContentPart part(ObjectNode block, String at) {
        return switch (type(block, at)) {
            case "text" -> text(block, at);
            case "image" -> image(block, at);
            default -> throw unsupportedBlock(block, at);
        };
    }

    private static ContentPart.Text text(ObjectNode block, String at) {
        Fields.onlyKnown(block, TEXT_FIELDS, at + ".");
        return new ContentPart.Text(Fields.string(Fields.required(block, "text", at + ".text"), at + ".text"));
    }

    private static ContentPart.Image image(ObjectNode block, String at) {
        Fields.onlyKnown(block, IMAGE_FIELDS, at + ".");
        String sat = at + ".source";
        ObjectNode source = Fields.object(Fields.required(block, "source", sat), sat);
        String kind = Fields.string(Fields.required(source, "type", sat + ".type"), sat + ".type");
        switch (kind) {
            case "base64" -> {
                Fields.onlyKnown(source, Set.of("type", "media_type", "data"), sat + ".");
                String mediaType = Fields.string(Fields.required(source, "media_type", sat + ".media_type"), sat + ".media_type");
                if (!MEDIA_TYPES.contains(mediaType)) {
                    throw ArbiterException.invalid(sat + ".media_type", sat + ".media_type must be one of " + MEDIA_TYPES + ", got '" + mediaType + "'");
                }
                return ContentPart.Image.inline(mediaType, Fields.string(Fields.required(source, "data", sat + ".data"), sat + ".data"), null);
            }
            case "url" -> {
                Fields.onlyKnown(source, Set.of("type", "url"), sat + ".");
                return ContentPart.Image.ofUrl(Fields.string(Fields.required(source, "url", sat + ".url"), sat + ".url"), null);
            }
            default -> throw ArbiterException.unsupported(sat + ".type", "image sources of type '" + kind + "' are not supported; send base64 or url");
        }
    }

    private static ToolCall toolUse(ObjectNode block, String at) {
        Fields.onlyKnown(block, TOOL_USE_FIELDS, at + ".");
        String id = Fields.string(Fields.required(block, "id", at + ".id"), at + ".id");
        String name = Fields.string(Fields.required(block, "name", at + ".name"), at + ".name");
        ObjectNode input = Fields.object(Fields.required(block, "input", at + ".input"), at + ".input");
        return new ToolCall(id, name, Json.text(input));
    }

    private static Message toolResult(ObjectNode block, String at) {
        Fields.onlyKnown(block, TOOL_RESULT_FIELDS, at + ".");
        String id = Fields.string(Fields.required(block, "tool_use_id", at + ".tool_use_id"), at + ".tool_use_id");
        JsonNode isError = Fields.optional(block, "is_error");
        if (isError != null && Fields.bool(isError, at + ".is_error")) {
            throw ArbiterException.unsupported(at + ".is_error", "error-flagged tool results cannot be carried to every model;"
                    + " describe the failure in the result's content instead");
        }
        JsonNode content = Fields.optional(block, "content");
        List<ContentPart> parts = new ArrayList<>();
        if (content != null && content.isTextual()) {
            parts.add(new ContentPart.Text(content.textValue()));
        } else if (content != null) {
            ArrayNode blocks = Fields.array(content, at + ".content");
            for (int k = 0; k < blocks.size(); k++) {
                String ct = at + ".content[" + k + "]";
                parts.add(part(Fields.object(blocks.get(k), ct), ct));
            }
        }
        if (parts.isEmpty()) {
            parts.add(new ContentPart.Text("")); // a result with no content is an empty result, not a missing one
        }
        return new Message(Role.TOOL, parts, List.of(), id, null);
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
            if (!"text".equals(type(block, bt))) {
                throw ArbiterException.invalid(bt + ".type", bt + " must be a text block");
            }
            parts.add(text(block, bt));
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

    private static String type(ObjectNode block, String at) {
        return Fields.string(Fields.required(block, "type", at + ".type"), at + ".type");
    }

    private static ArbiterException unsupportedBlock(ObjectNode block, String at) {
        return ArbiterException.unsupported(at + ".type", "content blocks of type '" + block.get("type").asText()
                + "' are not supported here");
    }
}
