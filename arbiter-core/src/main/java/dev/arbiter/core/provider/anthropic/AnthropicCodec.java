package dev.arbiter.core.provider.anthropic;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.ProviderCodec;
import dev.arbiter.core.provider.StreamDecoder;
import dev.arbiter.core.provider.TokenCountCodec;
import dev.arbiter.core.provider.UpstreamRequest;
import dev.arbiter.core.provider.UpstreamSettings;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Anthropic Messages API codec: POST {@code <base>/messages} with {@code x-api-key} and
 * {@code anthropic-version: 2023-06-01}; configured headers are added last so a config can pin another version
 * or add {@code anthropic-beta}. A Claude client's own {@code anthropic-beta} (a vendor header on the request) is
 * merged with a configured one: both lists comma-joined, each beta once. Anthropic responses carry no creation
 * time, so answers are stamped with the clock's time on arrival. Token counts go to
 * {@code POST <base>/messages/count_tokens} with the same headers ({@link AnthropicCountCodec}).
 */
public final class AnthropicCodec implements ProviderCodec, TokenCountCodec {
    private static final String BETA = "anthropic-beta";
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
        return new UpstreamRequest(settings.resolve("messages"), headers(request, settings), body);
    }

    @Override
    public UpstreamRequest encodeCount(ChatRequest request, UpstreamSettings settings) {
        byte[] body = Json.bytes(AnthropicCountCodec.encode(request));
        return new UpstreamRequest(settings.resolve("messages/count_tokens"), headers(request, settings), body);
    }

    @Override
    public int decodeCount(byte[] body) {
        return AnthropicCountCodec.decode(body);
    }

    private static Map<String, String> headers(ChatRequest request, UpstreamSettings settings) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (settings.apiKey() != null) {
            headers.put("x-api-key", settings.apiKey());
        }
        headers.put("anthropic-version", AnthropicWire.API_VERSION);
        headers.put("content-type", "application/json");
        // lower-cased so a configured header replaces ours instead of being sent twice
        settings.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        String callerBetas = request.vendorHeaders().get(BETA);
        String betas = callerBetas == null ? null : mergedBetas(headers.get(BETA), callerBetas);
        if (betas != null && !betas.isEmpty()) {
            headers.put(BETA, betas);
        }
        return headers;
    }

    /** The configured betas, then the caller's, comma-joined with each named once. */
    static String mergedBetas(String configured, String caller) {
        Set<String> betas = new LinkedHashSet<>();
        for (String list : new String[] {configured, caller}) {
            if (list != null) {
                for (String beta : list.split(",")) {
                    if (!beta.isBlank()) {
                        betas.add(beta.strip());
                    }
                }
            }
        }
        return String.join(",", betas);
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
