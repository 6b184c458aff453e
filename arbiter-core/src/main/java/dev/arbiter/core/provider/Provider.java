package dev.arbiter.core.provider;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.EventStream;

/**
 * One configured upstream that can answer chat requests: a codec over the shared HTTP transport, or the
 * built-in sandbox. {@code request.model()} is the upstream's own model name. Failures are ArbiterExceptions.
 */
public interface Provider {
    String id();

    ChatResponse complete(ChatRequest request);

    EventStream stream(ChatRequest request);
}
