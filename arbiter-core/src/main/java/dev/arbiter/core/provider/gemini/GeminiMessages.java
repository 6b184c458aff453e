package dev.arbiter.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Turns canonical messages into Gemini's {@code systemInstruction} and {@code contents}: system and developer
 * messages become system-instruction text parts (Gemini has one instruction, so they are hoisted in order), users
 * speak as {@code user}, the assistant as {@code model}, tool calls as {@code functionCall} parts and tool results
 * as {@code functionResponse} parts of a {@code user} turn, consecutive results sharing one turn. A message's
 * participant {@code name} has no Gemini field and is not sent; empty text parts carry nothing and are skipped. An
 * assistant's reasoning blocks (another vendor's signed thinking) are not sent: Gemini can neither verify nor use
 * them, and they are the model's scratchpad, not the conversation. A tool error is a {@code response.error}.
 */
final class GeminiMessages {
    private final List<Message> messages;
    private final ObjectNode systemInstruction = Json.object();
    private final ArrayNode contents = Json.array();

    private GeminiMessages(List<Message> messages) {
        this.messages = messages;
    }

    /** Encodes the messages into {@code body} as {@code systemInstruction} (when any) and {@code contents}. */
    static void encodeInto(List<Message> messages, ObjectNode body) {
        GeminiMessages encoder = new GeminiMessages(messages);
        encoder.encodeAll();
        if (encoder.systemInstruction.has("parts")) {
            body.set("systemInstruction", encoder.systemInstruction);
        }
        body.set("contents", encoder.contents);
    }

    private void encodeAll() {
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            switch (message.role()) {
                case SYSTEM, DEVELOPER -> systemText(message, i);
                case USER -> addTurn("user", userParts(message, i));
                case ASSISTANT -> addTurn("model", modelParts(message, i));
                case TOOL -> addToolResult(message, i);
            }
        }
    }

    private void systemText(Message message, int i) {
        ArrayNode parts = systemInstruction.withArray("parts");
        for (int j = 0; j < message.content().size(); j++) {
            if (!(message.content().get(j) instanceof ContentPart.Text text)) {
                throw ArbiterException.unsupported(contentParam(i, j), "Gemini takes text only in system instructions");
            }
            if (!text.text().isEmpty()) {
                parts.addObject().put("text", text.text());
            }
        }
        if (parts.isEmpty()) {
            systemInstruction.remove("parts");
        }
    }

    private ArrayNode userParts(Message message, int i) {
        ArrayNode parts = Json.array();
        for (int j = 0; j < message.content().size(); j++) {
            switch (message.content().get(j)) {
                case ContentPart.Text text -> addText(parts, text.text());
                case ContentPart.Image image -> parts.add(GeminiImages.part(image, contentParam(i, j) + ".image_url"));
            }
        }
        return parts;
    }

    private ArrayNode modelParts(Message message, int i) {
        ArrayNode parts = Json.array();
        for (int j = 0; j < message.content().size(); j++) {
            if (!(message.content().get(j) instanceof ContentPart.Text text)) {
                throw ArbiterException.unsupported(contentParam(i, j), "Gemini takes no images in model turns");
            }
            addText(parts, text.text());
        }
        for (int k = 0; k < message.toolCalls().size(); k++) {
            parts.add(functionCall(message.toolCalls().get(k), "messages[" + i + "].tool_calls[" + k + "]"));
        }
        return parts;
    }

    private static ObjectNode functionCall(ToolCall call, String param) {
        ObjectNode part = Json.object();
        ObjectNode fc = part.putObject("functionCall");
        String id = ToolCallIds.geminiId(call.id());
        if (id != null) {
            fc.put("id", id);
        }
        fc.put("name", call.name());
        fc.set("args", arguments(call.argumentsJson(), param + ".function.arguments"));
        String signature = ToolCallIds.thoughtSignature(call.id());
        if (signature != null) {
            part.put("thoughtSignature", signature); // a Part field, beside functionCall
        }
        return part;
    }

    private static JsonNode arguments(String json, String param) {
        if (json == null || json.isBlank()) {
            return Json.object();
        }
        JsonNode args;
        try {
            args = Json.parse(json);
        } catch (UncheckedIOException e) {
            throw ArbiterException.invalid(param, "tool call arguments are not valid JSON");
        }
        if (!args.isObject()) {
            throw ArbiterException.invalid(param, "Gemini needs tool call arguments to be a JSON object, got " + args.getNodeType());
        }
        return args;
    }

    private void addToolResult(Message message, int i) {
        String param = "messages[" + i + "].tool_call_id";
        ToolCall call = findCall(message.toolCallId(), i, param);
        if (message.hasImages()) {
            throw ArbiterException.unsupported("messages[" + i + "].content", "Gemini takes text only in tool results");
        }
        ObjectNode part = Json.object();
        ObjectNode fr = part.putObject("functionResponse");
        String id = ToolCallIds.geminiId(call.id());
        if (id != null) {
            fr.put("id", id);
        }
        fr.put("name", call.name());
        fr.set("response", message.toolError() ? errorObject(message.text()) : responseObject(message.text()));
        ObjectNode last = contents.isEmpty() ? null : (ObjectNode) contents.get(contents.size() - 1);
        boolean previousWasToolResult = i > 0 && messages.get(i - 1).role() == Role.TOOL && last != null;
        if (previousWasToolResult) {
            last.withArray("parts").add(part);
        } else {
            addTurn("user", Json.array().add(part));
        }
    }

    /** The latest earlier assistant tool call with this id: Gemini names the function in the response. */
    private ToolCall findCall(String toolCallId, int before, String param) {
        if (toolCallId == null) {
            throw ArbiterException.invalid(param, "a tool result needs the id of the tool call it answers");
        }
        for (int i = before - 1; i >= 0; i--) {
            for (ToolCall call : messages.get(i).toolCalls()) {
                if (toolCallId.equals(call.id())) {
                    return call;
                }
            }
        }
        throw ArbiterException.invalid(param, "no earlier assistant tool call has the id '" + toolCallId + "'");
    }

    /** Gemini's response must be a JSON object: objects pass as they are, anything else is wrapped as {"result": ...}. */
    static ObjectNode responseObject(String text) {
        JsonNode value;
        try {
            value = Json.parse(text);
        } catch (UncheckedIOException e) {
            value = TextNode.valueOf(text); // plain text result
        }
        if (value != null && value.isObject()) {
            return (ObjectNode) value;
        }
        ObjectNode wrapped = Json.object();
        wrapped.set("result", value == null || value.isMissingNode() ? TextNode.valueOf(text) : value);
        return wrapped;
    }

    /**
     * A failed tool result: Gemini's FunctionResponse reference says the {@code error} key of {@code response} holds
     * error details (as {@code output} holds output), so the result goes there, parsed when it is JSON.
     */
    static ObjectNode errorObject(String text) {
        JsonNode value;
        try {
            value = Json.parse(text);
        } catch (UncheckedIOException e) {
            value = TextNode.valueOf(text);
        }
        ObjectNode out = Json.object();
        out.set("error", value == null || value.isMissingNode() ? TextNode.valueOf(text) : value);
        return out;
    }

    private void addTurn(String role, ArrayNode parts) {
        if (parts.isEmpty()) {
            return; // Gemini rejects a turn without parts; an empty message says nothing
        }
        ObjectNode turn = contents.addObject();
        turn.put("role", role);
        turn.set("parts", parts);
    }

    private static void addText(ArrayNode parts, String text) {
        if (!text.isEmpty()) {
            parts.addObject().put("text", text);
        }
    }

    private static String contentParam(int i, int j) {
        return "messages[" + i + "].content[" + j + "]";
    }
}
