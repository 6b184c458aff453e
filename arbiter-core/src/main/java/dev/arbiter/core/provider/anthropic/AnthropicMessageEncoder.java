package dev.arbiter.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import java.util.List;

/**
 * Encodes canonical messages as Anthropic's top-level {@code system} blocks and {@code user}/{@code assistant}
 * turns of content blocks.
 *
 * <p>Decisions worth knowing: system and developer messages become {@code system} text blocks in the order
 * they appear, wherever they appear (Anthropic has no mid-conversation system turn, so a late system message
 * is hoisted rather than refused — the common gateway behaviour). A run of consecutive tool results becomes
 * one user turn of {@code tool_result} blocks, and a user message right after them joins that turn (after the
 * results, where Anthropic wants a turn's text), so a Claude client's mixed turn arrives as one turn again.
 * Empty text parts are left out because Anthropic rejects empty text blocks. OpenAI's image {@code detail} hint
 * has no Anthropic counterpart and does not change the answer's meaning, so it is not sent; a participant
 * {@code name} does, so it is refused. Cache breakpoints become {@code cache_control} on the very block they were
 * on, an assistant's reasoning blocks lead its turn unchanged (Anthropic verifies their signatures), and a tool
 * error is {@code is_error: true}.
 */
final class AnthropicMessageEncoder {

    /** The {@code system} blocks (possibly empty) and the {@code messages} array. */
    record Encoded(ArrayNode system, ArrayNode messages) {
    }

    private AnthropicMessageEncoder() {
    }

    static Encoded encode(List<Message> messages) {
        ArrayNode system = Json.array();
        ArrayNode turns = Json.array();
        ArrayNode toolResults = null; // content of the open user turn collecting consecutive tool results
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            String at = "messages[" + i + "]";
            if (m.name() != null) {
                throw ArbiterException.unsupported(at + ".name", "Anthropic has no participant names on messages");
            }
            switch (m.role()) {
                case SYSTEM, DEVELOPER -> addSystemBlocks(m, at, system);
                case TOOL -> {
                    if (toolResults == null) {
                        toolResults = turn(turns, "user");
                    }
                    toolResults.add(toolResult(m, at));
                }
                case USER -> {
                    contentBlocks(m, at, toolResults != null ? toolResults : turn(turns, "user"));
                    toolResults = null; // a later tool result starts a new turn: results come first in a turn
                }
                case ASSISTANT -> {
                    toolResults = null;
                    assistantBlocks(m, at, turn(turns, "assistant"));
                }
            }
        }
        if (turns.isEmpty()) {
            throw ArbiterException.unsupported("messages", "Anthropic needs at least one user or assistant message besides system messages");
        }
        return new Encoded(system, turns);
    }

    /** Appends a turn and returns its (empty) content array. */
    private static ArrayNode turn(ArrayNode turns, String role) {
        return turns.addObject().put("role", role).putArray("content");
    }

    private static void addSystemBlocks(Message m, String at, ArrayNode system) {
        for (ContentPart part : m.content()) {
            if (!(part instanceof ContentPart.Text t)) {
                throw ArbiterException.unsupported(at + ".content", "Anthropic system prompts take text only, not images");
            }
            if (!t.text().isEmpty()) {
                system.add(textBlock(t));
            }
        }
    }

    private static void contentBlocks(Message m, String at, ArrayNode out) {
        int before = out.size();
        for (ContentPart part : m.content()) {
            switch (part) {
                case ContentPart.Text t -> {
                    if (!t.text().isEmpty()) {
                        out.add(textBlock(t));
                    }
                }
                case ContentPart.Image img -> out.add(imageBlock(img));
            }
        }
        if (out.size() == before) {
            throw ArbiterException.unsupported(at + ".content", "Anthropic rejects messages with empty content");
        }
    }

    private static void assistantBlocks(Message m, String at, ArrayNode out) {
        out.addAll(AnthropicWire.reasoningBlocks(m.reasoning()));
        for (ContentPart part : m.content()) {
            if (part instanceof ContentPart.Text t && !t.text().isEmpty()) {
                out.add(textBlock(t));
            } else if (part instanceof ContentPart.Image) {
                throw ArbiterException.unsupported(at + ".content", "Anthropic assistant turns cannot contain images");
            }
        }
        for (int j = 0; j < m.toolCalls().size(); j++) {
            out.add(toolUse(m.toolCalls().get(j), at + ".tool_calls[" + j + "]"));
        }
        if (out.isEmpty()) {
            throw ArbiterException.unsupported(at + ".content", "Anthropic rejects messages with empty content");
        }
    }

    private static ObjectNode toolUse(ToolCall call, String at) {
        if (call.id() == null || call.id().isEmpty()) {
            throw ArbiterException.invalid(at + ".id", "a tool call needs an id");
        }
        if (call.name() == null || call.name().isEmpty()) {
            throw ArbiterException.invalid(at + ".function.name", "a tool call needs a function name");
        }
        ObjectNode out = Json.object().put("type", "tool_use").put("id", call.id()).put("name", call.name());
        out.set("input", toolInput(call.argumentsJson(), at + ".function.arguments"));
        return AnthropicWire.withCache(out, call.cache());
    }

    /** Anthropic wants the call's input as a JSON object, not a string; blank arguments mean no arguments. */
    private static JsonNode toolInput(String arguments, String param) {
        if (arguments == null || arguments.isBlank()) {
            return Json.object();
        }
        JsonNode input;
        try {
            input = Json.parse(arguments);
        } catch (RuntimeException e) {
            throw ArbiterException.invalid(param, "tool call arguments are not valid JSON");
        }
        if (!input.isObject()) {
            throw ArbiterException.invalid(param, "tool call arguments must be a JSON object, got " + input.getNodeType());
        }
        return input;
    }

    /**
     * A {@code tool_result}: a result of one plain text part as a string, anything else (images, several parts,
     * parts with cache breakpoints) as text and image blocks; then {@code is_error} and {@code cache_control}.
     */
    private static ObjectNode toolResult(Message m, String at) {
        if (m.toolCallId() == null || m.toolCallId().isEmpty()) {
            throw ArbiterException.invalid(at + ".tool_call_id", "a tool message needs the id of the call it answers");
        }
        ObjectNode out = Json.object().put("type", "tool_result").put("tool_use_id", m.toolCallId());
        if (needsBlocks(m.content())) {
            ArrayNode blocks = out.putArray("content");
            for (ContentPart part : m.content()) {
                switch (part) {
                    case ContentPart.Text t -> {
                        if (!t.text().isEmpty()) {
                            blocks.add(textBlock(t));
                        }
                    }
                    case ContentPart.Image img -> blocks.add(imageBlock(img));
                }
            }
        } else if (!m.text().isEmpty()) {
            out.put("content", m.text());
        }
        if (m.toolError()) {
            out.put("is_error", true);
        }
        return AnthropicWire.withCache(out, m.cache());
    }

    private static boolean needsBlocks(List<ContentPart> parts) {
        return parts.size() > 1 || parts.stream().anyMatch(p -> p instanceof ContentPart.Image
                || p instanceof ContentPart.Text t && t.cache() != null);
    }

    static ObjectNode textBlock(String text) {
        return Json.object().put("type", "text").put("text", text);
    }

    private static ObjectNode textBlock(ContentPart.Text text) {
        return AnthropicWire.withCache(textBlock(text.text()), text.cache());
    }

    private static ObjectNode imageBlock(ContentPart.Image img) {
        ObjectNode out = Json.object().put("type", "image");
        ObjectNode source = out.putObject("source");
        if (img.isInline()) {
            source.put("type", "base64").put("media_type", img.mediaType()).put("data", img.data());
        } else {
            source.put("type", "url").put("url", img.url());
        }
        return AnthropicWire.withCache(out, img.cache());
    }
}
