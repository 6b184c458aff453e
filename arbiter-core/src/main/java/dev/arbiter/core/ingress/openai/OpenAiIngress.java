package dev.arbiter.core.ingress.openai;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.ingress.IngressFormat;
import dev.arbiter.core.ingress.StreamWriter;
import dev.arbiter.core.json.Json;
import java.security.SecureRandom;
import java.time.InstantSource;

/**
 * The OpenAI Chat Completions format as callers speak it ({@code POST /v1/chat/completions}): strict request
 * validation with OpenAI-style errors naming the parameter, {@code chat.completion} bodies,
 * {@code chat.completion.chunk} streams and {@code {"error":{...}}} bodies. Unknown top-level fields are kept in
 * {@code extra} for OpenAI-compatible upstreams; the deprecated {@code functions}/{@code function_call} are refused.
 */
public final class OpenAiIngress implements IngressFormat {
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InstantSource clock;

    public OpenAiIngress() {
        this(InstantSource.system());
    }

    /** With the clock that stamps {@code created} when the upstream gave no time. */
    OpenAiIngress(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public ChatRequest parseRequest(byte[] body) {
        try {
            return OpenAiRequestParser.parse(body);
        } catch (ArbiterException e) {
            throw e;
        } catch (RuntimeException e) {
            // A value the canonical model refuses (it validates too): still the caller's request at fault.
            throw new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "The request could not be read: " + e.getMessage(),
                    null, "invalid_value", null);
        }
    }

    @Override
    public byte[] renderResponse(ChatResponse response, String servedModel) {
        String id = response.id() != null ? response.id() : newId();
        long created = response.created() > 0 ? response.created() : now();
        return Json.bytes(OpenAiResponseRenderer.completion(response, servedModel, id, created));
    }

    @Override
    public StreamWriter newStreamWriter(String servedModel, boolean includeUsage) {
        return new OpenAiStreamWriter(servedModel, includeUsage, OpenAiIngress::newId, this::now);
    }

    @Override
    public byte[] renderError(ArbiterException error) {
        return Json.bytes(OpenAiResponseRenderer.error(error));
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    /** An id in OpenAI's shape ({@code chatcmpl-} and 29 letters or digits) for answers that came without one. */
    static String newId() {
        StringBuilder sb = new StringBuilder("chatcmpl-");
        for (int i = 0; i < 29; i++) {
            sb.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        return sb.toString();
    }
}
