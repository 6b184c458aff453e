package dev.arbiter.core.gateway;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.AttemptRecord;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.provider.Provider;
import java.util.Map;

/**
 * The last stage: calls the chosen model's provider under the upstream's own model name and records the
 * attempt. A stream is read up to its first event here, so a failure before anything reached the caller is
 * still an ordinary HTTP error and not a broken stream.
 */
final class ProviderCall implements Interceptor {
    private final Map<String, Provider> providers;

    ProviderCall(Map<String, Provider> providers) {
        this.providers = Map.copyOf(providers);
    }

    @Override
    public Outcome intercept(Chain chain) {
        Exchange exchange = chain.exchange();
        ModelEntry model = exchange.trace().model();
        Provider provider = providers.get(model.provider());
        if (provider == null) {
            throw new ArbiterException(ErrorKind.GATEWAY_INTERNAL_ERROR, "no provider '" + model.provider() + "' is running");
        }
        ChatRequest upstreamRequest = exchange.request().withModel(model.upstreamModel());
        long start = System.nanoTime();
        try {
            Outcome outcome = upstreamRequest.stream()
                    ? new Outcome.Streaming(primed(provider.stream(upstreamRequest)))
                    : new Outcome.Completed(provider.complete(upstreamRequest));
            record(exchange, model, start, null);
            return outcome;
        } catch (ArbiterException e) {
            record(exchange, model, start, e.kind());
            throw e;
        }
    }

    private static void record(Exchange exchange, ModelEntry model, long start, ErrorKind error) {
        long nanos = System.nanoTime() - start;
        exchange.trace().addUpstreamNanos(nanos);
        exchange.trace().addAttempt(new AttemptRecord(model.id(), model.provider(), nanos / 1_000_000, error));
    }

    private static EventStream primed(EventStream stream) {
        StreamEvent first;
        try {
            first = stream.next();
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
        return new PrimedStream(first, stream);
    }

    /** A stream whose first event was already read. */
    private static final class PrimedStream implements EventStream {
        private StreamEvent first;
        private final EventStream rest;

        PrimedStream(StreamEvent first, EventStream rest) {
            this.first = first;
            this.rest = rest;
        }

        @Override
        public StreamEvent next() {
            if (first != null) {
                StreamEvent e = first;
                first = null;
                return e;
            }
            return rest.next();
        }

        @Override
        public void close() {
            rest.close();
        }
    }
}
