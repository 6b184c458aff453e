package dev.arbiter.core.transport;

import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.provider.SseEvent;
import dev.arbiter.core.provider.StreamDecoder;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pulls SSE events off an upstream body, runs them through a codec's stream decoder, and hands out canonical
 * events one at a time. Every blocking read is guarded by the idle watchdog; a stall, a reset or a stream that
 * ends before the vendor's end marker surfaces as an ArbiterException, never as a clean end.
 */
final class SseEventStream implements EventStream {
    private final UpstreamReply reply;
    private final SseReader reader;
    private final StreamDecoder decoder;
    private final HttpTransport transport;
    private final long idleMillis;
    private final ArrayDeque<StreamEvent> pending = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean idleTimedOut;
    private boolean ended;

    SseEventStream(UpstreamReply reply, StreamDecoder decoder, HttpTransport transport) {
        this.reply = reply;
        this.reader = new SseReader(reply.body());
        this.decoder = decoder;
        this.transport = transport;
        this.idleMillis = transport.settings().timeouts().idle().toMillis();
    }

    @Override
    public StreamEvent next() {
        while (pending.isEmpty()) {
            if (ended) {
                return null;
            }
            fill();
        }
        return pending.poll();
    }

    private void fill() {
        if (decoder.isDone()) {
            ended = true;
            close();
            return;
        }
        SseEvent event = readGuarded();
        if (event == null) {
            ended = true;
            pending.addAll(decoder.finish());
            close();
        } else {
            pending.addAll(decoder.decode(event));
        }
    }

    private SseEvent readGuarded() {
        if (closed.get()) {
            throw new ArbiterException(ErrorKind.PROVIDER_ERROR, "stream from '" + transport.settings().providerId() + "' was cancelled");
        }
        ScheduledFuture<?> timer = IdleWatchdog.arm(idleMillis, () -> {
            idleTimedOut = true;
            close();
        });
        try {
            SseEvent event = reader.next();
            if (idleTimedOut) { // a close from the watchdog may read as a clean end of stream
                throw transport.failure(ErrorKind.PROVIDER_TIMEOUT, "stream was idle for more than " + idleMillis + " ms");
            }
            return event;
        } catch (IOException | RuntimeException e) { // Helidon's reader fails with unchecked exceptions too
            if (e instanceof ArbiterException arbiter) {
                throw arbiter;
            }
            if (idleTimedOut) {
                throw transport.failure(ErrorKind.PROVIDER_TIMEOUT, "stream was idle for more than " + idleMillis + " ms");
            }
            throw CodecProvider.unreachable(transport, "stream broke off (the connection closed or was reset)");
        } finally {
            timer.cancel(false);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            reply.close();
        }
    }
}
