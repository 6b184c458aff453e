package dev.arbiter.testing.fake;

import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import java.time.Duration;
import java.util.List;

/**
 * What a fake upstream answers to the next request, in canonical terms; each fake renders it in its vendor's
 * exact wire format (JSON body or SSE events). An error reply ({@code status} not 2xx) renders the vendor's
 * error body with {@code errorMessage}; {@code retryAfter} adds a Retry-After header.
 */
public record ScriptedReply(
        String text,
        List<ToolCall> toolCalls,
        FinishReason finishReason,
        Usage usage,
        int status,
        String errorMessage,
        Duration retryAfter,
        Timing timing,
        Fault fault) {

    public ScriptedReply {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        timing = timing == null ? Timing.INSTANT : timing;
        fault = fault == null ? Fault.NONE : fault;
    }

    /** Delay before the response starts, gap between streamed chunks, and how many chunks text is cut into. */
    public record Timing(Duration firstByte, Duration betweenChunks, int textChunks) {
        public static final Timing INSTANT = new Timing(Duration.ZERO, Duration.ZERO, 3);
    }

    /** Transport-level misbehaviour to inject. */
    public enum Fault {
        NONE,
        /** Accept the request, then close the connection without a response. */
        RESET_BEFORE_RESPONSE,
        /** Send part of the stream, then close the connection without the end marker. */
        RESET_MID_STREAM,
        /** Send the headers, then nothing (until the client gives up). */
        STALL_BEFORE_FIRST_EVENT,
        /** Send part of the stream, then nothing. */
        STALL_MID_STREAM,
        /** Send an event whose data is not valid JSON. */
        GARBLED_EVENT
    }

    public static ScriptedReply text(String text, Usage usage) {
        return new ScriptedReply(text, List.of(), FinishReason.STOP, usage, 200, null, null, null, null);
    }

    public static ScriptedReply toolCalls(List<ToolCall> calls, Usage usage) {
        return new ScriptedReply(null, calls, FinishReason.TOOL_CALLS, usage, 200, null, null, null, null);
    }

    public static ScriptedReply error(int status, String message) {
        return new ScriptedReply(null, List.of(), null, null, status, message, null, null, null);
    }

    public static ScriptedReply rateLimited(String message, Duration retryAfter) {
        return new ScriptedReply(null, List.of(), null, null, 429, message, retryAfter, null, null);
    }

    public ScriptedReply withTiming(Timing newTiming) {
        return new ScriptedReply(text, toolCalls, finishReason, usage, status, errorMessage, retryAfter, newTiming, fault);
    }

    public ScriptedReply withFault(Fault newFault) {
        return new ScriptedReply(text, toolCalls, finishReason, usage, status, errorMessage, retryAfter, timing, newFault);
    }

    public ScriptedReply withFinishReason(FinishReason reason) {
        return new ScriptedReply(text, toolCalls, reason, usage, status, errorMessage, retryAfter, timing, fault);
    }

    public boolean isError() {
        return status / 100 != 2;
    }

    /** The text cut into at most {@code timing.textChunks()} non-empty pieces, in order. */
    public List<String> textChunks() {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        int n = Math.max(1, Math.min(timing.textChunks(), text.length()));
        List<String> pieces = new java.util.ArrayList<>(n);
        int size = (text.length() + n - 1) / n;
        for (int i = 0; i < text.length(); i += size) {
            pieces.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return pieces;
    }
}
