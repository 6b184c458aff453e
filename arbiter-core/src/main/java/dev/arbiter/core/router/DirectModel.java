package dev.arbiter.core.router;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.gateway.Catalog;

/**
 * A concrete model name: the catalog entry it names, refusing unknown names and unavailable models with a 404
 * (capability checks follow in the stage), exactly as before virtual models existed.
 */
final class DirectModel {
    private DirectModel() {
    }

    static ModelEntry resolve(Catalog catalog, String name) {
        ModelEntry model = catalog.find(name).orElseThrow(() -> new ArbiterException(ErrorKind.CALLER_UNKNOWN_MODEL,
                "The model '" + name + "' does not exist in this gateway's catalog; GET /v1/models lists the models,"
                        + " virtual models (auto, auto:<task>, fast, best) and routes served.",
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
