package dev.arbiter.core.transport;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.provider.Provider;
import dev.arbiter.core.provider.ProviderCodec;
import dev.arbiter.core.provider.UpstreamSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

/** A provider made of a vendor codec over the shared HTTP transport. */
public final class CodecProvider implements Provider {
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
        HttpResponse<byte[]> response = transport.send(codec.encode(request, transport.settings()));
        if (response.statusCode() / 100 != 2) {
            throw codec.decodeError(response.statusCode(), response.headers().map(), response.body());
        }
        return codec.decodeResponse(response.body());
    }

    @Override
    public EventStream stream(ChatRequest request) {
        HttpResponse<InputStream> response = transport.open(codec.encode(request, transport.settings()));
        if (response.statusCode() / 100 != 2) {
            byte[] body = readErrorBody(response.body());
            throw codec.decodeError(response.statusCode(), response.headers().map(), body);
        }
        return new SseEventStream(response.body(), codec.newStreamDecoder(), transport);
    }

    private static byte[] readErrorBody(InputStream in) {
        try (in) {
            return in.readNBytes(1 << 20);
        } catch (IOException e) {
            return new byte[0];
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
