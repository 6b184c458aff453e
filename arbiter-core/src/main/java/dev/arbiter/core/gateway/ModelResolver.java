package dev.arbiter.core.gateway;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import java.util.List;

/**
 * Router stage for concrete model names: finds the caller's model in the catalog, refuses unknown or
 * unavailable ones (404) and ones lacking a capability the request needs (400), and records the choice.
 */
final class ModelResolver implements Interceptor {
    private final Catalog catalog;

    ModelResolver(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Outcome intercept(Chain chain) {
        Exchange exchange = chain.exchange();
        ModelEntry model = resolve(exchange.request().model());
        RequiredCapabilities.check(exchange.request(), model);
        exchange.trace().model(model);
        exchange.trace().targets(List.of(model));
        exchange.trace().decision("pinned: caller named " + model.id());
        return chain.proceed(exchange);
    }

    private ModelEntry resolve(String name) {
        ModelEntry model = catalog.find(name).orElseThrow(() -> new ArbiterException(ErrorKind.CALLER_UNKNOWN_MODEL,
                "The model '" + name + "' does not exist in this gateway's catalog; GET /v1/models lists the models served.",
                "model", "model_not_found", null));
        if (!catalog.isAvailable(model)) {
            throw new ArbiterException(ErrorKind.CALLER_UNKNOWN_MODEL, "The model '" + model.id()
                    + "' is in the catalog but its provider '" + model.provider() + "' is not configured"
                    + " (set its API key in the environment or declare the provider in the config).",
                    "model", "model_not_available", null);
        }
        return model;
    }
}
