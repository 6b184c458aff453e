package dev.arbiter.core.routing.quality;

import dev.arbiter.core.catalog.ModelEntry;
import java.util.Collection;

/**
 * Where a model's abilities start before outcome data moves them (and stay when there is none): by default the
 * population of base models; {@link #fromCatalog} shifts that by the model's declared benchmark scores.
 */
@FunctionalInterface
public interface AbilityPrior {
    /** The prior for {@code model}, given the population mean of the base profile's models. */
    ModelAbility prior(String model, ModelAbility population);

    /** Every model starts at the population mean. */
    static AbilityPrior population() {
        return (model, population) -> population;
    }

    /** Catalog models with benchmark scores start above or below the population mean (see {@link CatalogAbilityPrior}). */
    static AbilityPrior fromCatalog(Collection<ModelEntry> catalog) {
        return new CatalogAbilityPrior(catalog);
    }
}
