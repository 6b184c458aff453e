package dev.arbiter.core.ingress.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Choice;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.openai.OpenAiMessages;

/** Renders canonical answers as OpenAI {@code chat.completion} objects and errors as OpenAI error bodies. */
final class OpenAiResponseRenderer {
    private OpenAiResponseRenderer() {
    }

    /** {@code id} and {@code created} are the answer's own, or the ones to use when the upstream gave none. */
    static ObjectNode completion(ChatResponse response, String servedModel, String id, long created) {
        ObjectNode out = Json.object();
        out.put("id", id);
        out.put("object", "chat.completion");
        out.put("created", created);
        out.put("model", servedModel);
        ArrayNode choices = out.putArray("choices");
        for (Choice choice : response.choices()) {
            ObjectNode c = choices.addObject();
            c.put("index", choice.index());
            c.set("message", message(choice.message()));
            c.putNull("logprobs");
            c.put("finish_reason", choice.finishReason() == null ? "stop" : choice.finishReason().wireName());
        }
        out.set("usage", OpenAiMessages.usage(response.usage()));
        return out;
    }

    /** The assistant message: {@code content} is null when the turn only calls tools. */
    private static ObjectNode message(Message message) {
        ObjectNode out = Json.object().put("role", "assistant");
        String text = message.text();
        if (text.isEmpty() && !message.toolCalls().isEmpty()) {
            out.putNull("content");
        } else {
            out.put("content", text);
        }
        if (!message.toolCalls().isEmpty()) {
            out.set("tool_calls", OpenAiMessages.toolCalls(message.toolCalls()));
        }
        out.putNull("refusal");
        out.putArray("annotations");
        return out;
    }

    /** {@code {"error":{"message","type","param","code"}}} with Arbiter's whose-fault type. */
    static ObjectNode error(ArbiterException error) {
        ObjectNode out = Json.object();
        ObjectNode e = out.putObject("error");
        e.put("message", error.getMessage() == null ? error.kind().type() : error.getMessage());
        e.put("type", error.kind().type());
        if (error.param() == null) {
            e.putNull("param");
        } else {
            e.put("param", error.param());
        }
        if (error.code() == null) {
            e.putNull("code");
        } else {
            e.put("code", error.code());
        }
        return out;
    }
}
