package dev.arbiter.core.ingress.openai;

import static dev.arbiter.core.ingress.openai.Fields.get;
import static dev.arbiter.core.ingress.openai.Fields.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses and validates {@code messages}: roles, content (strings or parts), assistant tool calls and tool
 * results. Output-only fields clients echo back on assistant turns ({@code refusal}, {@code annotations},
 * null {@code audio}/{@code function_call}) are accepted; a non-null refusal becomes the turn's text.
 */
final class OpenAiMessageParser {
    private static final Set<String> PLAIN_FIELDS = Set.of("role", "content", "name");
    private static final Set<String> ASSISTANT_FIELDS =
            Set.of("role", "content", "name", "tool_calls", "refusal", "annotations", "audio", "function_call");
    private static final Set<String> TOOL_FIELDS = Set.of("role", "content", "tool_call_id");

    private final Set<String> seenCallIds = new HashSet<>();

    private OpenAiMessageParser() {
    }

    static List<Message> parse(JsonNode messages) {
        if (messages == null) {
            throw Fields.missing("messages");
        }
        if (!messages.isArray()) {
            throw Fields.typeError("messages", "an array", messages);
        }
        if (messages.isEmpty()) {
            throw Fields.invalid("messages", "expected an array with at least one message, but got an empty array instead.");
        }
        OpenAiMessageParser parser = new OpenAiMessageParser();
        List<Message> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            out.add(parser.message(messages.get(i), path("messages", i)));
        }
        return out;
    }

    private Message message(JsonNode node, String p) {
        Fields.requireObject(node, p);
        String role = Fields.requiredString(node, "role", p);
        return switch (role) {
            case "system" -> plain(Role.SYSTEM, node, p);
            case "developer" -> plain(Role.DEVELOPER, node, p);
            case "user" -> plain(Role.USER, node, p);
            case "assistant" -> assistant(node, p);
            case "tool" -> tool(node, p);
            case "function" -> throw Fields.unsupported(path(p, "role"),
                    "the deprecated 'function' role is not supported; send tool results with role 'tool'.");
            default -> throw Fields.invalid(path(p, "role"), "'" + role
                    + "' is not a role; expected one of system, developer, user, assistant, tool.");
        };
    }

    private Message plain(Role role, JsonNode node, String p) {
        Fields.onlyKnown(node, PLAIN_FIELDS, p);
        List<ContentPart> content = OpenAiContentParser.parse(get(node, "content"), path(p, "content"), role);
        return new Message(role, content, List.of(), null, Fields.string(node, "name", p));
    }

    private Message assistant(JsonNode node, String p) {
        Fields.onlyKnown(node, ASSISTANT_FIELDS, p);
        rejectNonNull(node, "audio", p, "assistant audio cannot be sent through this gateway.");
        rejectNonNull(node, "function_call", p, "the deprecated 'function_call' is not supported; use 'tool_calls'.");
        Fields.array(node, "annotations", p);
        List<ToolCall> calls = toolCalls(Fields.array(node, "tool_calls", p), path(p, "tool_calls"));
        String refusal = Fields.string(node, "refusal", p);
        JsonNode content = get(node, "content");
        List<ContentPart> parts;
        if (content != null) {
            parts = OpenAiContentParser.parse(content, path(p, "content"), Role.ASSISTANT);
        } else if (refusal != null) {
            parts = List.of(new ContentPart.Text(refusal));
        } else if (!calls.isEmpty()) {
            parts = List.of();
        } else {
            throw Fields.missing(path(p, "content"));
        }
        return new Message(Role.ASSISTANT, parts, calls, null, Fields.string(node, "name", p));
    }

    private List<ToolCall> toolCalls(ArrayNode calls, String p) {
        if (calls == null) {
            return List.of();
        }
        List<ToolCall> out = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            String cp = path(p, i);
            JsonNode call = Fields.requireObject(calls.get(i), cp);
            Fields.onlyKnown(call, Set.of("id", "type", "function"), cp);
            String type = Fields.requiredString(call, "type", cp);
            if (type.equals("custom")) {
                throw Fields.unsupported(path(cp, "type"), "custom tool calls are not supported; use function tools.");
            }
            if (!type.equals("function")) {
                throw Fields.invalid(path(cp, "type"), "expected 'function', but got '" + type + "' instead.");
            }
            String id = Fields.requiredString(call, "id", cp);
            JsonNode function = Fields.requireObject(get(call, "function"), path(cp, "function"));
            Fields.onlyKnown(function, Set.of("name", "arguments"), path(cp, "function"));
            out.add(new ToolCall(id, Fields.requiredString(function, "name", path(cp, "function")),
                    Fields.requiredString(function, "arguments", path(cp, "function"))));
            seenCallIds.add(id);
        }
        return out;
    }

    private Message tool(JsonNode node, String p) {
        Fields.onlyKnown(node, TOOL_FIELDS, p);
        String callId = Fields.requiredString(node, "tool_call_id", p);
        if (!seenCallIds.contains(callId)) {
            throw Fields.invalid(path(p, "tool_call_id"), "'" + callId
                    + "' does not answer a tool call of an earlier assistant message.");
        }
        List<ContentPart> content = OpenAiContentParser.parse(get(node, "content"), path(p, "content"), Role.TOOL);
        return new Message(Role.TOOL, content, List.of(), callId, null);
    }

    private static void rejectNonNull(JsonNode node, String field, String p, String why) {
        if (get(node, field) != null) {
            throw Fields.unsupported(path(p, field), why);
        }
    }
}
