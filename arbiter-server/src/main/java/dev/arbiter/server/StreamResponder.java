package dev.arbiter.server;

import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.ingress.IngressFormat;
import dev.arbiter.core.ingress.StreamWriter;
import dev.arbiter.core.observe.RequestOutcome;
import dev.arbiter.core.pipeline.Trace;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Relays a canonical event stream to the caller as SSE, writing and flushing each event as it arrives (no
 * buffering). A caller that goes away cancels the upstream; an upstream that fails mid-stream ends the stream
 * with the format's explicit error event, never a clean-looking end.
 */
final class StreamResponder {
    private final IngressFormat format;
    private final Trace trace;
    private final long receivedNanos;

    StreamResponder(IngressFormat format, Trace trace, long receivedNanos) {
        this.format = format;
        this.trace = trace;
        this.receivedNanos = receivedNanos;
    }

    /** Relays the stream to its end; says how it ended (usage as reported, an error event, or a caller gone). */
    Ending send(ServerResponse res, EventStream stream, boolean includeUsage) {
        StreamWriter writer = format.newStreamWriter(trace.model().id(), includeUsage);
        res.header("Content-Type", "text/event-stream");
        res.header("Cache-Control", "no-cache");
        res.header("X-Accel-Buffering", "no");
        res.header("Trailer", ArbiterHeaders.COST); // the cost is known only once the upstream reported usage
        ArbiterHeaders.writeRouting(res, trace, receivedNanos);
        Relayed relayed = new Relayed();
        try (stream; OutputStream out = res.outputStream()) {
            relay(stream, writer, out, res, relayed);
        } catch (IOException | UncheckedIOException clientGone) {
            // The caller disconnected: closing the stream (try-with-resources) cancelled the upstream call.
            return new Ending(true, 200, RequestOutcome.CANCELLED, relayed.usage, relayed.cost);
        }
        return new Ending(true, 200, RequestOutcome.of(relayed.failure), relayed.usage, relayed.cost);
    }

    /** What the relay saw: the usage report, and the failure that ended the stream with an error event. */
    private static final class Relayed {
        Usage usage;
        BigDecimal cost = BigDecimal.ZERO;
        ErrorKind failure;
    }

    private void relay(EventStream stream, StreamWriter writer, OutputStream out, ServerResponse res, Relayed relayed)
            throws IOException {
        try {
            StreamEvent event;
            while ((event = stream.next()) != null) {
                if (event instanceof StreamEvent.UsageReport report) {
                    relayed.usage = report.usage();
                    relayed.cost = ArbiterHeaders.costUsd(trace, relayed.usage);
                    res.trailers().set(ArbiterHeaders.COST_NAME, ArbiterHeaders.costText(relayed.cost));
                }
                if (trace.firstTokenNanos() == 0 && (event instanceof StreamEvent.TextDelta
                        || event instanceof StreamEvent.ToolCallDelta || event instanceof StreamEvent.ReasoningDelta)) {
                    trace.firstTokenNanos(System.nanoTime());
                }
                write(out, writer.onEvent(event));
            }
            write(out, writer.onEnd());
        } catch (ArbiterException failure) {
            relayed.failure = failure.kind();
            write(out, writer.onError(failure));
        }
    }

    private static void write(OutputStream out, String sse) throws IOException {
        if (!sse.isEmpty()) {
            out.write(sse.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
