package dev.arbiter.core.transport;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.provider.Provider;
import dev.arbiter.core.provider.ProviderCodec;
import dev.arbiter.core.provider.TokenCountCodec;
import dev.arbiter.core.provider.UpstreamRequest;
import dev.arbiter.core.provider.UpstreamSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

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
        return call(codec.encode(request, settings), shorter(settings.timeouts().total(), timeout), codec::decodeResponse);
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
                throw failure(reply, read(reply));
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
        return OptionalInt.of(call(counter.encodeCount(request, settings), settings.timeouts().total(), counter::decodeCount));
    }

    /** One non-streamed exchange: the decoded answer, or the upstream's error (with any Retry-After) thrown. */
    private <T> T call(UpstreamRequest upstreamRequest, Duration wait, Function<byte[], T> decode) {
        try (UpstreamReply reply = transport.send(upstreamRequest, wait)) {
            byte[] body = read(reply);
            if (!reply.isSuccess()) {
                throw failure(reply, body);
            }
            return decode.apply(body);
        }
    }

    /** The upstream's error answer as the codec reads it, with the delay its Retry-After asks for. */
    private ArbiterException failure(UpstreamReply reply, byte[] body) {
        Map<String, List<String>> headers = reply.headers(); // copied from the client's response on each call
        return RetryAfterHeader.fill(codec.decodeError(reply.status(), headers, body), headers);
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
