package dev.arbiter.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.provider.SseEvent;
import dev.arbiter.core.provider.StreamDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes {@code streamGenerateContent?alt=sse}: every {@code data:} event is a whole GenerateContentResponse
 * holding the next piece of the first candidate. Text parts become text deltas; a function call arrives whole and
 * becomes one tool-call delta with id, name and all arguments; the finish reason becomes a Finish; the latest
 * {@code usageMetadata} is reported when the upstream closes. Gemini sends no end marker, so the stream is complete
 * only if a finish reason came before the close; otherwise {@link #finish()} fails it.
 */
final class GeminiStreamDecoder implements StreamDecoder {
    private final long created;
    private boolean started;
    private int toolCalls;
    private FinishReason finishReason;
    private Usage usage;

    GeminiStreamDecoder(long created) {
        this.created = created;
    }

    @Override
    public List<StreamEvent> decode(SseEvent event) {
        JsonNode chunk = GeminiResponses.parse(event.data().getBytes(StandardCharsets.UTF_8));
        if (chunk.has("error")) {
            throw GeminiErrors.fromErrorObject(chunk.get("error"));
        }
        List<StreamEvent> events = new ArrayList<>();
        if (!started) {
            started = true;
            events.add(new StreamEvent.Start(GeminiCodec.responseId(chunk), GeminiCodec.modelVersion(chunk), created));
        }
        Usage reported = GeminiResponses.usage(chunk);
        usage = reported != null ? reported : usage;
        JsonNode candidate = GeminiResponses.firstCandidate(chunk);
        if (candidate == null) {
            GeminiResponses.rejectBlockedPrompt(chunk);
            return events; // a usage-only chunk
        }
        String text = GeminiResponses.text(candidate);
        if (!text.isEmpty()) {
            events.add(new StreamEvent.TextDelta(0, text));
        }
        for (ToolCall call : GeminiResponses.toolCalls(candidate, toolCalls)) {
            events.add(new StreamEvent.ToolCallDelta(0, toolCalls++, call.id(), call.name(), call.argumentsJson()));
        }
        FinishReason reason = GeminiResponses.finishReason(candidate, toolCalls > 0);
        if (reason != null && finishReason == null) {
            finishReason = reason;
            events.add(new StreamEvent.Finish(0, reason));
        }
        return events;
    }

    /** Never: Gemini has no end-of-stream marker, the transport reads until the upstream closes. */
    @Override
    public boolean isDone() {
        return false;
    }

    @Override
    public List<StreamEvent> finish() {
        if (finishReason == null) {
            throw new ArbiterException(ErrorKind.PROVIDER_ERROR,
                    "Gemini's stream ended before any finish reason: the answer is incomplete");
        }
        return usage == null ? List.of() : List.of(new StreamEvent.UsageReport(usage));
    }
}
