package dev.arbiter.core.gateway;

import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Pipeline;
import dev.arbiter.core.provider.Provider;
import java.util.List;
import java.util.Map;

/**
 * The engine: a catalog, the running providers, and the request pipeline. The pipeline's order is the literal
 * list below, in one place (see docs/architecture.md).
 */
public final class Gateway {
    private final Catalog catalog;
    private final Pipeline pipeline;

    public Gateway(Catalog catalog, Map<String, Provider> providers) {
        this.catalog = catalog;
        this.pipeline = new Pipeline(List.of(
                new ModelResolver(catalog),
                new ProviderCall(providers)));
    }

    /** Runs one request through the pipeline; failures are ArbiterExceptions, details land in the exchange's trace. */
    public Outcome handle(Exchange exchange) {
        return pipeline.run(exchange);
    }

    public Catalog catalog() {
        return catalog;
    }
}
