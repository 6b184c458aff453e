package dev.arbiter.core.transport;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.provider.Provider;
import dev.arbiter.core.provider.ProviderCodec;
import dev.arbiter.core.provider.UpstreamSettings;
import java.io.IOException;
import dev.arbiter.core.error.ErrorKind;
import java.io.UncheckedIOException;

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
        UpstreamSettings settings = transport.settings();
        try (UpstreamReply reply = transport.send(codec.encode(request, settings), settings.timeouts().total())) {
            byte[] body = read(reply);
            if (!reply.isSuccess()) {
                throw codec.decodeError(reply.status(), reply.headers(), body);
            }
            return codec.decodeResponse(body);
        }
    }

    @Override
    public EventStream stream(ChatRequest request) {
        UpstreamSettings settings = transport.settings();
        UpstreamReply reply = transport.send(codec.encode(request, settings), settings.timeouts().firstByte());
        if (!reply.isSuccess()) {
            try (reply) {
                throw codec.decodeError(reply.status(), reply.headers(), read(reply));
            }
        }
        return new SseEventStream(reply, codec.newStreamDecoder(), transport);
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
