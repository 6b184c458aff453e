package dev.arbiter.core.provider.openai;

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
import java.util.Objects;

/**
 * The codec for OpenAI's Chat Completions API and every host that speaks it (DeepSeek, Mistral, xAI, GLM,
 * vLLM, Ollama, llama.cpp): POST {@code <base_url>/chat/completions} with {@code Authorization: Bearer <key>}.
 *
 * <p>Choices worth knowing:
 * <ul>
 * <li><b>Token limit name.</b> The canonical request has one {@code maxTokens}. OpenAI deprecated
 *     {@code max_tokens} and its reasoning models (o-series, GPT-5) reject it, while most compatible hosts
 *     (DeepSeek, Mistral, GLM, Ollama, llama.cpp) only know {@code max_tokens}. {@link MaxTokensParam#AUTO}
 *     (the default) therefore sends {@code max_completion_tokens} when the base URL's host is
 *     {@code api.openai.com} and {@code max_tokens} everywhere else; a config can force either name.</li>
 * <li><b>Streaming</b> always asks for {@code stream_options.include_usage}: the ledger needs the usage chunk
 *     whether or not the caller wanted it (the ingress decides whether the caller sees it).</li>
 * <li><b>{@code extra}</b> fields are copied into the body verbatim; one that collides with a field Arbiter
 *     wrote is rejected (400 naming it), except {@code stream_options}, whose other options are merged.</li>
 * <li><b>{@code metadata}</b> is forwarded as given; OpenAI only accepts it together with {@code store: true},
 *     which a caller passes through {@code extra}.</li>
 * <li><b>Errors</b> keep the upstream's message; status picks the kind and the OpenAI error code refines it
 *     ({@code context_length_exceeded}, content filtering, {@code insufficient_quota}).</li>
 * </ul>
 */
public final class OpenAiCodec implements ProviderCodec {

    /** Which request field carries the canonical {@code maxTokens}. */
    public enum MaxTokensParam {
        /** {@code max_completion_tokens} for api.openai.com, {@code max_tokens} for every other host. */
        AUTO,
        MAX_TOKENS,
        MAX_COMPLETION_TOKENS
    }

    private static final String OPENAI_HOST = "api.openai.com";

    private final MaxTokensParam maxTokensParam;
    private final OpenAiErrors errors;

    public OpenAiCodec() {
        this(MaxTokensParam.AUTO);
    }

    public OpenAiCodec(MaxTokensParam maxTokensParam) {
        this(maxTokensParam, InstantSource.system());
    }

    /** With the clock that turns an HTTP-date Retry-After into a delay (tests pass a fixed one). */
    OpenAiCodec(MaxTokensParam maxTokensParam, InstantSource clock) {
        this.maxTokensParam = Objects.requireNonNull(maxTokensParam, "maxTokensParam");
        this.errors = new OpenAiErrors(clock);
    }

    @Override
    public UpstreamRequest encode(ChatRequest request, UpstreamSettings settings) {
        byte[] body = Json.bytes(new OpenAiRequestEncoder(maxTokensField(settings)).encode(request));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (settings.apiKey() != null) {
            headers.put("Authorization", "Bearer " + settings.apiKey());
        }
        headers.putAll(settings.headers());
        return new UpstreamRequest(settings.resolve("chat/completions"), headers, body);
    }

    /** The wire name for the token limit on this upstream; see the class comment. */
    String maxTokensField(UpstreamSettings settings) {
        return switch (maxTokensParam) {
            case MAX_TOKENS -> "max_tokens";
            case MAX_COMPLETION_TOKENS -> "max_completion_tokens";
            case AUTO -> {
                String host = settings.baseUrl().getHost();
                yield host != null && host.toLowerCase(Locale.ROOT).equals(OPENAI_HOST) ? "max_completion_tokens" : "max_tokens";
            }
        };
    }

    @Override
    public ChatResponse decodeResponse(byte[] body) {
        return OpenAiResponseDecoder.decode(body);
    }

    @Override
    public StreamDecoder newStreamDecoder() {
        return new OpenAiStreamDecoder();
    }

    @Override
    public ArbiterException decodeError(int status, Map<String, List<String>> headers, byte[] body) {
        return errors.fromHttp(status, headers, body);
    }
}
