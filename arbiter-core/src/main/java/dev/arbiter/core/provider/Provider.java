package dev.arbiter.core.provider;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.EventStream;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * One configured upstream that can answer chat requests: a codec over the shared HTTP transport, or the
 * built-in sandbox. {@code request.model()} is the upstream's own model name. Failures are ArbiterExceptions.
 */
public interface Provider {
    String id();

    ChatResponse complete(ChatRequest request);

    EventStream stream(ChatRequest request);

    /**
     * As {@link #complete(ChatRequest)}, waiting at most {@code timeout} for the answer (the request's remaining
     * deadline; the provider's own limits still apply). Providers without a network call may ignore it.
     */
    default ChatResponse complete(ChatRequest request, Duration timeout) {
        return complete(request);
    }

    /** As {@link #stream(ChatRequest)}, waiting at most {@code timeout} for the response to start. */
    default EventStream stream(ChatRequest request, Duration timeout) {
        return stream(request);
    }

    /**
     * The request's input tokens as this upstream counts them, exactly and without running it (for Anthropic, its
     * Token Counting API), or empty when the upstream has no way to count; failures are ArbiterExceptions, as for a
     * call. {@code request.model()} is the upstream's own model name.
     */
    default OptionalInt countTokens(ChatRequest request) {
        return OptionalInt.empty();
    }
}
