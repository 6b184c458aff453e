package dev.arbiter.core.ingress;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.error.ArbiterException;
import java.util.Map;

/**
 * One client-facing wire format (OpenAI Chat Completions, Anthropic Messages): parses a caller's body into
 * the canonical request and renders canonical answers, streams and errors back in the caller's format.
 */
public interface IngressFormat {

    /**
     * Parses and validates a request body. Malformed JSON, wrong types, missing required fields and values
     * out of range throw {@link ArbiterException} (400) naming the offending parameter; nothing is dropped silently.
     */
    ChatRequest parseRequest(byte[] body);

    /**
     * As {@link #parseRequest(byte[])}, also taking from the caller's headers (lower-case names) what the format
     * carries to upstreams (see {@link ChatRequest#vendorHeaders()}); a format that carries none ignores them.
     */
    default ChatRequest parseRequest(byte[] body, Map<String, String> headers) {
        return parseRequest(body);
    }

    /** Renders a complete answer; {@code servedModel} is the model name reported to the caller. */
    byte[] renderResponse(ChatResponse response, String servedModel);

    /** A fresh writer for one streamed answer. */
    StreamWriter newStreamWriter(String servedModel, boolean includeUsage);

    /** Renders an error body in this format's error shape. */
    byte[] renderError(ArbiterException error);
}
