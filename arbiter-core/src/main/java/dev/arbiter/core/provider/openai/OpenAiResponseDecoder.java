package dev.arbiter.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Choice;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code chat.completion} body into a canonical response. A {@code refusal} is kept as the message
 * text (the canonical model has no refusal field, and the caller must see it); vendor extras such as
 * {@code reasoning_content} are ignored.
 */
final class OpenAiResponseDecoder {
    private OpenAiResponseDecoder() {
    }

    static ChatResponse decode(byte[] body) {
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (RuntimeException e) {
            throw bad("the response body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw bad("the response body is not a JSON object");
        }
        if (json.path("error").isObject()) {
            // Some compatible hosts answer 200 with an error object instead of an error status.
            throw OpenAiErrors.fromStreamError(json.get("error"));
        }
        try {
            return new ChatResponse(Json.textOrNull(json, "id"), Json.textOrNull(json, "model"),
                    Json.longOrZero(json, "created"), choices(json.get("choices")), OpenAiMessages.usage(json.get("usage")));
        } catch (ArbiterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad("the response has an unreadable field (" + e.getMessage() + ")");
        }
    }

    private static List<Choice> choices(JsonNode choices) {
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw bad("the response has no choices");
        }
        List<Choice> out = new ArrayList<>(choices.size());
        for (int i = 0; i < choices.size(); i++) {
            JsonNode choice = choices.get(i);
            JsonNode message = choice.get("message");
            if (message == null || !message.isObject()) {
                throw bad("choices[" + i + "] has no message object");
            }
            int index = choice.path("index").isInt() ? choice.get("index").asInt() : i;
            out.add(new Choice(index, message(message, i),
                    OpenAiMessages.finishReason(Json.textOrNull(choice, "finish_reason"))));
        }
        return out;
    }

    private static Message message(JsonNode message, int choice) {
        List<ToolCall> calls = toolCalls(message.get("tool_calls"), choice);
        String text = Json.textOrNull(message, "content");
        if ((text == null || text.isEmpty()) && message.hasNonNull("refusal")) {
            text = message.get("refusal").asText();
        }
        List<ContentPart> content = text == null || (text.isEmpty() && !calls.isEmpty())
                ? List.of() : List.of(new ContentPart.Text(text));
        return new Message(Role.ASSISTANT, content, calls, null, null);
    }

    private static List<ToolCall> toolCalls(JsonNode calls, int choice) {
        if (calls == null || calls.isNull()) {
            return List.of();
        }
        if (!calls.isArray()) {
            throw bad("choices[" + choice + "].message.tool_calls is not an array");
        }
        List<ToolCall> out = new ArrayList<>(calls.size());
        for (JsonNode call : calls) {
            JsonNode function = call.get("function");
            if (function == null || !function.isObject() || Json.textOrNull(function, "name") == null) {
                throw bad("choices[" + choice + "].message.tool_calls has a call without a function name");
            }
            out.add(new ToolCall(Json.textOrNull(call, "id"), function.get("name").asText(), arguments(function.get("arguments"))));
        }
        return out;
    }

    /** Arguments are a JSON text; a few hosts send an object instead, which is re-serialised. */
    static String arguments(JsonNode arguments) {
        if (arguments == null || arguments.isNull()) {
            return "";
        }
        return arguments.isTextual() ? arguments.asText() : Json.text(arguments);
    }

    static ArbiterException bad(String what) {
        return new ArbiterException(ErrorKind.PROVIDER_BAD_RESPONSE, "upstream sent a malformed chat completion: " + what);
    }
}
