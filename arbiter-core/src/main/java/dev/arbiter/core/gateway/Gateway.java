package dev.arbiter.core.gateway;

import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Pipeline;
import dev.arbiter.core.provider.Provider;
import dev.arbiter.core.router.RouterServices;
import dev.arbiter.core.router.RouterStage;
import dev.arbiter.core.router.VirtualModels;
import java.util.List;
import java.util.Map;

/**
 * The engine: a catalog, the running providers, and the request pipeline. The pipeline's order is the literal
 * list below, in one place (see docs/architecture.md).
 */
public final class Gateway {
    private final Catalog catalog;
    private final RouterStage router;
    private final Pipeline pipeline;

    /** A gateway with the default routing settings, no routes and the shipped quality profile. */
    public Gateway(Catalog catalog, Map<String, Provider> providers) {
        this(catalog, providers, RouterStage.create(catalog, RoutingConfig.DEFAULTS, RouterServices.defaults()));
    }

    public Gateway(Catalog catalog, Map<String, Provider> providers, RouterStage router) {
        this.catalog = catalog;
        this.router = router;
        this.pipeline = new Pipeline(List.of(
                router,
                new ProviderCall(providers)));
    }

    /** Runs one request through the pipeline; failures are ArbiterExceptions, details land in the exchange's trace. */
    public Outcome handle(Exchange exchange) {
        return pipeline.run(exchange);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The virtual models and configured routes callers may name besides the catalog's models. */
    public List<VirtualModels.Listed> virtualModels() {
        return router.listed();
    }
}
