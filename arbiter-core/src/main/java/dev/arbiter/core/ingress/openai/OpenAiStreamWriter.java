package dev.arbiter.core.ingress.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.ingress.StreamWriter;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.openai.OpenAiMessages;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Writes a canonical stream as OpenAI {@code chat.completion.chunk} events: a role chunk opens each choice
 * ({@code {"role":"assistant","content":"","refusal":null}}), then content and tool-call deltas, a finish chunk,
 * the usage chunk ({@code choices: []}) only when the caller asked for it, and {@code data: [DONE]}. When usage
 * is on, every other chunk carries {@code "usage": null}, as OpenAI's do. A failure sends a last chunk with
 * {@code finish_reason: "error"} and an {@code error} object instead of {@code [DONE]}.
 */
final class OpenAiStreamWriter implements StreamWriter {
    private final String model;
    private final boolean includeUsage;
    private final Supplier<String> newId;
    private final Supplier<Long> now;
    private final Set<Integer> opened = new TreeSet<>();
    private String id;
    private long created;

    OpenAiStreamWriter(String model, boolean includeUsage, Supplier<String> newId, Supplier<Long> now) {
        this.model = model;
        this.includeUsage = includeUsage;
        this.newId = newId;
        this.now = now;
    }

    @Override
    public String onEvent(StreamEvent event) {
        return switch (event) {
            case StreamEvent.Start s -> {
                id = s.id() != null ? s.id() : newId.get();
                created = s.created() > 0 ? s.created() : now.get();
                yield open(0);
            }
            case StreamEvent.TextDelta t -> open(t.choice()) + chunk(t.choice(), Json.object().put("content", t.text()), null);
            case StreamEvent.ToolCallDelta d -> open(d.choice()) + chunk(d.choice(), toolCallDelta(d), null);
            case StreamEvent.Finish f -> open(f.choice()) + chunk(f.choice(), Json.object(), f.reason().wireName());
            case StreamEvent.UsageReport u -> includeUsage ? usageChunk(u) : "";
            case StreamEvent.ReasoningDelta r -> ""; // Chat Completions has no field for the model's reasoning
        };
    }

    @Override
    public String onEnd() {
        return "data: [DONE]\n\n";
    }

    /**
     * One last chunk that finishes every open choice with {@code finish_reason: "error"} and carries the
     * {@code error} object, and no {@code [DONE]}. Both in one event because the official SDKs check for
     * {@code error} before they parse a chunk: they raise the error (OpenAI's own mid-stream error shape) and never
     * validate "error", which is not one of OpenAI's finish reasons, while a plain reader sees the choice end.
     */
    @Override
    public String onError(ArbiterException error) {
        ObjectNode chunk = envelope();
        ArrayNode choices = chunk.putArray("choices");
        for (int choice : opened.isEmpty() ? Set.of(0) : opened) {
            ObjectNode c = choices.addObject();
            c.put("index", choice);
            c.set("delta", Json.object());
            c.putNull("logprobs");
            c.put("finish_reason", FinishReason.ERROR.wireName());
        }
        if (includeUsage) {
            chunk.putNull("usage");
        }
        chunk.set("error", OpenAiResponseRenderer.error(error).get("error"));
        return event(chunk);
    }

    /** The role chunk that opens a choice, once per choice; the stream's identity is fixed by then. */
    private String open(int choice) {
        if (id == null) {
            id = newId.get();
            created = now.get();
        }
        if (!opened.add(choice)) {
            return "";
        }
        ObjectNode role = Json.object().put("role", "assistant").put("content", "");
        role.putNull("refusal");
        return chunk(choice, role, null);
    }

    /** The first piece of a call names it (id, type, name); later pieces carry only more arguments. */
    private static ObjectNode toolCallDelta(StreamEvent.ToolCallDelta d) {
        ObjectNode call = Json.object().put("index", d.index());
        if (d.id() != null || d.name() != null) {
            if (d.id() != null) {
                call.put("id", d.id());
            }
            call.put("type", "function");
        }
        ObjectNode function = call.putObject("function");
        if (d.name() != null) {
            function.put("name", d.name());
        }
        function.put("arguments", d.argumentsDelta() == null ? "" : d.argumentsDelta());
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").add(call);
        return delta;
    }

    private String chunk(int choice, ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope();
        ObjectNode c = chunk.putArray("choices").addObject();
        c.put("index", choice);
        c.set("delta", delta);
        c.putNull("logprobs");
        if (finishReason == null) {
            c.putNull("finish_reason");
        } else {
            c.put("finish_reason", finishReason);
        }
        if (includeUsage) {
            chunk.putNull("usage");
        }
        return event(chunk);
    }

    private String usageChunk(StreamEvent.UsageReport report) {
        if (id == null) {
            id = newId.get();
            created = now.get();
        }
        ObjectNode chunk = envelope();
        chunk.putArray("choices");
        chunk.set("usage", OpenAiMessages.usage(report.usage()));
        return event(chunk);
    }

    private ObjectNode envelope() {
        if (id == null) {
            id = newId.get();
            created = now.get();
        }
        return Json.object().put("id", id).put("object", "chat.completion.chunk").put("created", created).put("model", model);
    }

    private static String event(ObjectNode data) {
        return "data: " + Json.text(data) + "\n\n";
    }
}
