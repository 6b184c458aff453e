package dev.arbiter.core.provider.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.json.Json;

/**
 * Writes the sandbox's text answers: JSON for json_schema (a generated instance) and json_object, a summary
 * after a tool result, and otherwise a short answer that says it is simulated and echoes the question.
 * Throws IllegalArgumentException when a json_schema cannot be instantiated.
 */
final class AnswerTexts {
    private static final int GIST_CHARS = 100;
    private static final String[] FILLERS = {
        "Add a provider key to the configuration to get real answers from this model.",
        "Latency, token usage and cost are simulated to look like the real model's.",
        "Sending the same request again returns this same answer.",
        "Tools, JSON mode and JSON schemas are honoured with generated values.",
        "Routing, budgets, streaming and the ledger all work as they would with a real upstream.",
    };

    private AnswerTexts() {
    }

    static String compose(ChatRequest request, String tag, long hash) {
        ResponseFormat format = request.responseFormat();
        if (format != null && format.type() == ResponseFormat.Type.JSON_SCHEMA) {
            ObjectNode schema = format.schema() != null ? format.schema() : Json.object().put("type", "object");
            return Json.text(SchemaInstanceGenerator.instanceOf(schema));
        }
        Message last = request.messages().getLast();
        if (format != null && format.type() == ResponseFormat.Type.JSON_OBJECT) {
            return Json.text(Json.object().put("sandbox", true).put("model", tag)
                    .put("question", gist(lastUserText(request)))
                    .put("answer", "This is a simulated JSON answer; no real model was called."));
        }
        return last.role() == Role.TOOL ? toolSummary(request, tag, last) : plain(request, tag, hash);
    }

    private static String plain(ChatRequest request, String tag, long hash) {
        StringBuilder out = new StringBuilder("[").append(tag).append("] You asked: \"")
                .append(gist(lastUserText(request))).append("\". ");
        long images = lastUser(request) == null ? 0
                : lastUser(request).content().stream().filter(p -> p instanceof ContentPart.Image).count();
        if (images > 0) {
            out.append("You also sent ").append(images).append(images == 1 ? " image. " : " images. ");
        }
        out.append("This is a simulated answer from the Arbiter sandbox; no real model was called.");
        int first = (int) Long.remainderUnsigned(hash, FILLERS.length);
        out.append(' ').append(FILLERS[first]).append(' ').append(FILLERS[(first + 1) % FILLERS.length]);
        return out.toString();
    }

    private static String toolSummary(ChatRequest request, String tag, Message result) {
        return "[" + tag + "] The tool " + toolName(request, result.toolCallId()) + " returned: \"" + gist(result.text())
                + "\". This is a simulated final answer built on that result; no real model was called.";
    }

    /** The name of the function whose call has this id, from the assistant turns before it. */
    private static String toolName(ChatRequest request, String callId) {
        for (Message message : request.messages()) {
            for (ToolCall call : message.toolCalls()) {
                if (call.id() != null && call.id().equals(callId)) {
                    return call.name();
                }
            }
        }
        return "you called";
    }

    private static Message lastUser(ChatRequest request) {
        for (Message message : request.messages().reversed()) {
            if (message.role() == Role.USER) {
                return message;
            }
        }
        return null;
    }

    static String lastUserText(ChatRequest request) {
        Message user = lastUser(request);
        return user == null ? "" : user.text();
    }

    /** The text on one line, cut to about a hundred characters. */
    private static String gist(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        if (oneLine.isEmpty()) {
            return "(no text)";
        }
        if (oneLine.length() <= GIST_CHARS) {
            return oneLine;
        }
        int cut = oneLine.offsetByCodePoints(0, oneLine.codePointCount(0, GIST_CHARS));
        return oneLine.substring(0, cut).stripTrailing() + "...";
    }
}
