package dev.arbiter.core.provider.anthropic;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.ProviderCodec;
import dev.arbiter.core.provider.StreamDecoder;
import dev.arbiter.core.provider.UpstreamRequest;
import dev.arbiter.core.provider.UpstreamSettings;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Anthropic Messages API codec: POST {@code <base>/messages} with {@code x-api-key} and
 * {@code anthropic-version: 2023-06-01}; configured headers are added last so a config can pin another version
 * or add {@code anthropic-beta}. Anthropic responses carry no creation time, so answers are stamped with the
 * clock's time on arrival.
 */
public final class AnthropicCodec implements ProviderCodec {
    private final InstantSource clock;

    public AnthropicCodec() {
        this(InstantSource.system());
    }

    AnthropicCodec(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public UpstreamRequest encode(ChatRequest request, UpstreamSettings settings) {
        byte[] body = Json.bytes(AnthropicRequestEncoder.encode(request));
        Map<String, String> headers = new LinkedHashMap<>();
        if (settings.apiKey() != null) {
            headers.put("x-api-key", settings.apiKey());
        }
        headers.put("anthropic-version", AnthropicWire.API_VERSION);
        headers.put("content-type", "application/json");
        // lower-cased so a configured header replaces ours instead of being sent twice
        settings.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        return new UpstreamRequest(settings.resolve("messages"), headers, body);
    }

    @Override
    public ChatResponse decodeResponse(byte[] body) {
        return AnthropicResponseDecoder.decode(body, now());
    }

    @Override
    public StreamDecoder newStreamDecoder() {
        return new AnthropicStreamDecoder(now());
    }

    @Override
    public ArbiterException decodeError(int status, Map<String, List<String>> headers, byte[] body) {
        return AnthropicErrors.fromHttp(status, headers, body);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
