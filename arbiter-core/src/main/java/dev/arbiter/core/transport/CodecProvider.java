package dev.arbiter.core.transport;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.provider.Provider;
import dev.arbiter.core.provider.ProviderCodec;
import dev.arbiter.core.provider.TokenCountCodec;
import dev.arbiter.core.provider.UpstreamSettings;
import java.io.IOException;
import dev.arbiter.core.error.ErrorKind;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.OptionalInt;

/** A provider made of a vendor codec over the shared HTTP transport. */
public final class CodecProvider implements Provider {
    /** Upper bound on a non-streamed answer read into memory. */
    private static final int MAX_BODY_BYTES = 64 << 20;

    private final ProviderCodec codec;
    private final HttpTransport transport;

    public CodecProvider(ProviderCodec codec, UpstreamSettings settings) {
        this.codec = codec;
        this.transport = new HttpTransport(settings);
    }

    @Override
    public String id() {
        return transport.settings().providerId();
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        return complete(request, transport.settings().timeouts().total());
    }

    @Override
    public ChatResponse complete(ChatRequest request, Duration timeout) {
        UpstreamSettings settings = transport.settings();
        Duration wait = shorter(settings.timeouts().total(), timeout);
        try (UpstreamReply reply = transport.send(codec.encode(request, settings), wait)) {
            byte[] body = read(reply);
            if (!reply.isSuccess()) {
                throw RetryAfterHeader.fill(codec.decodeError(reply.status(), reply.headers(), body), reply.headers());
            }
            return codec.decodeResponse(body);
        }
    }

    @Override
    public EventStream stream(ChatRequest request) {
        return stream(request, transport.settings().timeouts().firstByte());
    }

    @Override
    public EventStream stream(ChatRequest request, Duration timeout) {
        UpstreamSettings settings = transport.settings();
        UpstreamReply reply = transport.send(codec.encode(request, settings), shorter(settings.timeouts().firstByte(), timeout));
        if (!reply.isSuccess()) {
            try (reply) {
                throw RetryAfterHeader.fill(codec.decodeError(reply.status(), reply.headers(), read(reply)), reply.headers());
            }
        }
        return new SseEventStream(reply, codec.newStreamDecoder(), transport);
    }

    /** Counts through the codec's count call when it has one (see {@link TokenCountCodec}); empty otherwise. */
    @Override
    public OptionalInt countTokens(ChatRequest request) {
        if (!(codec instanceof TokenCountCodec counter)) {
            return OptionalInt.empty();
        }
        UpstreamSettings settings = transport.settings();
        try (UpstreamReply reply = transport.send(counter.encodeCount(request, settings), settings.timeouts().total())) {
            byte[] body = read(reply);
            if (!reply.isSuccess()) {
                throw RetryAfterHeader.fill(codec.decodeError(reply.status(), reply.headers(), body), reply.headers());
            }
            return OptionalInt.of(counter.decodeCount(body));
        }
    }

    /** The shorter of two limits; a non-positive request budget still allows one millisecond (the caller checks). */
    private static Duration shorter(Duration own, Duration budget) {
        if (budget == null) {
            return own;
        }
        Duration b = budget.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : budget;
        return b.compareTo(own) < 0 ? b : own;
    }

    private byte[] read(UpstreamReply reply) {
        try {
            return reply.readBody(MAX_BODY_BYTES);
        } catch (IOException | UncheckedIOException e) {
            throw transport.failure(ErrorKind.PROVIDER_UNREACHABLE, "broke off while sending its answer");
        }
    }

    /** Exposed for error messages and tests. */
    ProviderCodec codec() {
        return codec;
    }

    static ArbiterException unreachable(HttpTransport transport, String what) {
        return transport.failure(dev.arbiter.core.error.ErrorKind.PROVIDER_UNREACHABLE, what);
    }
}
