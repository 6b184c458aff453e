package dev.arbiter.core.observe;

import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.pipeline.Trace;

/**
 * One finished chat request as the edge saw it: the API it came in on ({@code openai} or {@code anthropic}), whether
 * it streamed, the pipeline's trace (chosen model, route, routing decision, attempts; model and route are null when
 * the request failed before routing), the HTTP status sent (200 for a stream, whose errors come as events), how it
 * ended, the usage the upstream reported (null if none), its cost in USD and the wall time from arrival to the end.
 */
public record ExchangeReport(String api, boolean stream, Trace trace, int status, RequestOutcome outcome, Usage usage,
                             double costUsd, long durationNanos) {
}
