package dev.arbiter.testing.contract;

import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything a canonical event stream said, assembled: text, tool calls (deltas joined), finish reason, usage. */
public record StreamTranscript(List<StreamEvent> events, String text, int textDeltas, List<ToolCall> toolCalls,
                               FinishReason finishReason, Usage usage) {

    /** Reads the stream to its end (propagating any failure) and assembles it. */
    public static StreamTranscript drain(EventStream stream) {
        List<StreamEvent> events = new ArrayList<>();
        try (stream) {
            StreamEvent e;
            while ((e = stream.next()) != null) {
                events.add(e);
            }
        }
        return assemble(events);
    }

    public static StreamTranscript assemble(List<StreamEvent> events) {
        StringBuilder text = new StringBuilder();
        int deltas = 0;
        Map<Integer, String[]> calls = new TreeMap<>();
        FinishReason finish = null;
        Usage usage = null;
        for (StreamEvent e : events) {
            switch (e) {
                case StreamEvent.TextDelta t -> {
                    text.append(t.text());
                    deltas++;
                }
                case StreamEvent.ToolCallDelta d -> {
                    String[] call = calls.computeIfAbsent(d.index(), k -> new String[] {null, null, ""});
                    if (d.id() != null) {
                        call[0] = d.id();
                    }
                    if (d.name() != null) {
                        call[1] = d.name();
                    }
                    if (d.argumentsDelta() != null) {
                        call[2] += d.argumentsDelta();
                    }
                }
                case StreamEvent.Finish f -> finish = f.reason();
                case StreamEvent.UsageReport u -> usage = u.usage();
                case StreamEvent.Start s -> { }
                case StreamEvent.ReasoningDelta r -> { }
            }
        }
        List<ToolCall> toolCalls = calls.values().stream().map(c -> new ToolCall(c[0], c[1], c[2])).toList();
        return new StreamTranscript(List.copyOf(events), text.toString(), deltas, toolCalls, finish, usage);
    }
}
