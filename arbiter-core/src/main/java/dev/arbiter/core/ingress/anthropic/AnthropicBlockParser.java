package dev.arbiter.core.ingress.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.CacheBreakpoint;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ReasoningBlock;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses single Anthropic content blocks: {@code text}, {@code image}, {@code tool_use}, {@code tool_result},
 * {@code thinking} and {@code redacted_thinking}, each with its {@code cache_control} where Anthropic allows one.
 * A {@code tool_result}'s {@code is_error} becomes the canonical tool-error flag.
 */
final class AnthropicBlockParser {
    private static final Set<String> TEXT_FIELDS = Set.of("type", "text", "cache_control", "citations");
    private static final Set<String> IMAGE_FIELDS = Set.of("type", "source", "cache_control");
    private static final Set<String> TOOL_USE_FIELDS = Set.of("type", "id", "name", "input", "cache_control");
    private static final Set<String> TOOL_RESULT_FIELDS = Set.of("type", "tool_use_id", "content", "is_error", "cache_control");
    private static final Set<String> THINKING_FIELDS = Set.of("type", "thinking", "signature");
    private static final Set<String> REDACTED_FIELDS = Set.of("type", "data");
    private static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private AnthropicBlockParser() {
    }

    /** A text or image block of a user turn or a tool result. */
    static ContentPart part(ObjectNode block, String at) {
        return switch (type(block, at)) {
            case "text" -> text(block, at);
            case "image" -> image(block, at);
            default -> throw unsupportedBlock(block, at);
        };
    }

    /** A text block; empty {@code citations} (what some clients echo back) carry nothing and pass. */
    static ContentPart.Text text(ObjectNode block, String at) {
        Fields.onlyKnown(block, TEXT_FIELDS, at + ".");
        JsonNode citations = Fields.optional(block, "citations");
        if (citations != null && !(citations.isArray() && citations.isEmpty())) {
            throw ArbiterException.unsupported(at + ".citations", at + ".citations is not supported by Arbiter's Anthropic Messages endpoint");
        }
        String text = Fields.string(Fields.required(block, "text", at + ".text"), at + ".text");
        return new ContentPart.Text(text, CacheControls.read(block, at + "."));
    }

    static ContentPart.Image image(ObjectNode block, String at) {
        Fields.onlyKnown(block, IMAGE_FIELDS, at + ".");
        String sat = at + ".source";
        ObjectNode source = Fields.object(Fields.required(block, "source", sat), sat);
        String kind = Fields.string(Fields.required(source, "type", sat + ".type"), sat + ".type");
        ContentPart.Image image = switch (kind) {
            case "base64" -> {
                Fields.onlyKnown(source, Set.of("type", "media_type", "data"), sat + ".");
                String mediaType = Fields.string(Fields.required(source, "media_type", sat + ".media_type"), sat + ".media_type");
                if (!MEDIA_TYPES.contains(mediaType)) {
                    throw ArbiterException.invalid(sat + ".media_type", sat + ".media_type must be one of " + MEDIA_TYPES + ", got '" + mediaType + "'");
                }
                yield ContentPart.Image.inline(mediaType, Fields.string(Fields.required(source, "data", sat + ".data"), sat + ".data"), null);
            }
            case "url" -> {
                Fields.onlyKnown(source, Set.of("type", "url"), sat + ".");
                yield ContentPart.Image.ofUrl(Fields.string(Fields.required(source, "url", sat + ".url"), sat + ".url"), null);
            }
            default -> throw ArbiterException.unsupported(sat + ".type", "image sources of type '" + kind + "' are not supported; send base64 or url");
        };
        CacheBreakpoint cache = CacheControls.read(block, at + ".");
        return cache == null ? image : image.withCache(cache);
    }

    static ToolCall toolUse(ObjectNode block, String at) {
        Fields.onlyKnown(block, TOOL_USE_FIELDS, at + ".");
        String id = Fields.string(Fields.required(block, "id", at + ".id"), at + ".id");
        String name = Fields.string(Fields.required(block, "name", at + ".name"), at + ".name");
        ObjectNode input = Fields.object(Fields.required(block, "input", at + ".input"), at + ".input");
        return new ToolCall(id, name, Json.text(input), CacheControls.read(block, at + "."));
    }

    /** A {@code tool_result}: a TOOL message whose content is the result's text and images. */
    static Message toolResult(ObjectNode block, String at) {
        Fields.onlyKnown(block, TOOL_RESULT_FIELDS, at + ".");
        String id = Fields.string(Fields.required(block, "tool_use_id", at + ".tool_use_id"), at + ".tool_use_id");
        JsonNode isError = Fields.optional(block, "is_error");
        boolean error = isError != null && Fields.bool(isError, at + ".is_error");
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
        return new Message(Role.TOOL, parts, List.of(), id, null)
                .withToolResultFlags(error, CacheControls.read(block, at + "."));
    }

    /** A {@code thinking} block (its signature is required: Anthropic only accepts signed thinking back). */
    static ReasoningBlock thinking(ObjectNode block, String at) {
        Fields.onlyKnown(block, THINKING_FIELDS, at + ".");
        String text = Fields.string(Fields.required(block, "thinking", at + ".thinking"), at + ".thinking");
        String signature = Fields.string(Fields.required(block, "signature", at + ".signature"), at + ".signature");
        return new ReasoningBlock.Thought(text, signature);
    }

    static ReasoningBlock redactedThinking(ObjectNode block, String at) {
        Fields.onlyKnown(block, REDACTED_FIELDS, at + ".");
        return new ReasoningBlock.Redacted(Fields.string(Fields.required(block, "data", at + ".data"), at + ".data"));
    }

    static String type(ObjectNode block, String at) {
        return Fields.string(Fields.required(block, "type", at + ".type"), at + ".type");
    }

    static ArbiterException unsupportedBlock(ObjectNode block, String at) {
        return ArbiterException.unsupported(at + ".type", "content blocks of type '" + block.get("type").asText()
                + "' are not supported here");
    }
}
