package dev.arbiter.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.SseEvent;
import dev.arbiter.core.provider.StreamDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code chat.completion.chunk} events into canonical events: the first chunk gives {@link StreamEvent.Start},
 * {@code delta.content} text, {@code delta.tool_calls} pieces, {@code finish_reason} a finish, and the usage chunk
 * ({@code choices: []}) the usage report. {@code data: [DONE]} ends the stream; an {@code error} object in the
 * stream fails it. Usage some hosts attach to ordinary chunks is held and reported once, at {@code [DONE]}.
 */
final class OpenAiStreamDecoder implements StreamDecoder {
    private final Map<Integer, Integer> lastToolIndex = new HashMap<>();
    private boolean started;
    private boolean done;
    private boolean usageReported;
    private Usage heldUsage;

    @Override
    public List<StreamEvent> decode(SseEvent event) {
        if (done) {
            return List.of();
        }
        String data = event.data() == null ? "" : event.data().strip();
        if (data.equals("[DONE]")) {
            done = true;
            return heldUsage != null && !usageReported ? List.of(new StreamEvent.UsageReport(heldUsage)) : List.of();
        }
        JsonNode chunk = parse(data);
        if (chunk.hasNonNull("error") || "error".equals(event.event())) {
            throw OpenAiErrors.fromStreamError(chunk.hasNonNull("error") ? chunk.get("error") : chunk);
        }
        try {
            return decodeChunk(chunk);
        } catch (ArbiterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad("a stream chunk has an unreadable field (" + e.getMessage() + ")");
        }
    }

    private List<StreamEvent> decodeChunk(JsonNode chunk) {
        List<StreamEvent> events = new ArrayList<>(2);
        if (!started) {
            started = true;
            events.add(new StreamEvent.Start(Json.textOrNull(chunk, "id"), Json.textOrNull(chunk, "model"),
                    Json.longOrZero(chunk, "created")));
        }
        JsonNode choices = chunk.path("choices");
        if (!choices.isMissingNode() && !choices.isNull() && !choices.isArray()) {
            throw bad("a stream chunk's choices is not an array");
        }
        for (JsonNode choice : choices) {
            decodeChoice(choice, events);
        }
        JsonNode usage = chunk.get("usage");
        if (usage != null && usage.isObject()) {
            if (choices.isEmpty()) {
                usageReported = true;
                events.add(new StreamEvent.UsageReport(OpenAiMessages.usage(usage)));
            } else {
                heldUsage = OpenAiMessages.usage(usage);
            }
        }
        return events;
    }

    private void decodeChoice(JsonNode choice, List<StreamEvent> events) {
        int index = choice.path("index").asInt(0);
        JsonNode delta = choice.path("delta");
        String content = Json.textOrNull(delta, "content");
        if (content != null && !content.isEmpty()) {
            events.add(new StreamEvent.TextDelta(index, content));
        }
        String refusal = Json.textOrNull(delta, "refusal");
        if (refusal != null && !refusal.isEmpty()) {
            events.add(new StreamEvent.TextDelta(index, refusal));
        }
        JsonNode calls = delta.path("tool_calls");
        if (calls.isArray()) {
            for (JsonNode call : calls) {
                events.add(toolCallDelta(index, call));
            }
        }
        String finish = Json.textOrNull(choice, "finish_reason");
        if (finish != null) {
            events.add(new StreamEvent.Finish(index, OpenAiMessages.finishReason(finish)));
        }
    }

    /** A tool-call piece; hosts that omit {@code index} get one: a new call per {@code id}, else the last call. */
    private StreamEvent.ToolCallDelta toolCallDelta(int choice, JsonNode call) {
        String id = Json.textOrNull(call, "id");
        int index;
        if (call.path("index").isInt()) {
            index = call.get("index").asInt();
        } else {
            Integer last = lastToolIndex.get(choice);
            index = last == null ? 0 : id != null ? last + 1 : last;
        }
        lastToolIndex.put(choice, index);
        JsonNode function = call.path("function");
        JsonNode arguments = function.get("arguments");
        return new StreamEvent.ToolCallDelta(choice, index, id, Json.textOrNull(function, "name"),
                arguments == null || arguments.isNull() ? null : OpenAiResponseDecoder.arguments(arguments));
    }

    private static JsonNode parse(String data) {
        try {
            JsonNode node = Json.parse(data);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (RuntimeException e) {
            // reported below with an excerpt of the data
        }
        String excerpt = data.length() > 200 ? data.substring(0, 200) + "..." : data;
        throw bad("a stream event is not a JSON object: " + excerpt);
    }

    private static ArbiterException bad(String what) {
        return new ArbiterException(ErrorKind.PROVIDER_BAD_RESPONSE, "upstream sent a malformed stream: " + what);
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public List<StreamEvent> finish() {
        if (!done) {
            throw new ArbiterException(ErrorKind.PROVIDER_ERROR,
                    "upstream stream ended before completion (the connection closed without data: [DONE])");
        }
        return List.of();
    }
}
