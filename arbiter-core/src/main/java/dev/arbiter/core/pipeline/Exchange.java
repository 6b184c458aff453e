package dev.arbiter.core.pipeline;

import dev.arbiter.core.chat.ChatRequest;

/**
 * A request on its way through the pipeline: the canonical request, what the caller sent around it, and the
 * trace that stages fill in (chosen model, attempts, ...). Stages replace the request with {@link #withRequest}.
 */
public record Exchange(ChatRequest request, RequestMeta meta, Trace trace) {
    public Exchange withRequest(ChatRequest newRequest) {
        return new Exchange(newRequest, meta, trace);
    }
}
