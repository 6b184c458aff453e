package dev.arbiter.core.routing.quality;

import dev.arbiter.core.catalog.ModelEntry;
import java.util.Collection;

/**
 * Where a model's abilities start before outcome data moves them (and stay when there is none): by default the
 * population of base models; {@link #fromCatalog} places catalog models by their declared benchmark scores.
 */
@FunctionalInterface
public interface AbilityPrior {
    /** The prior for {@code model}, given the population mean of the base profile's models. */
    ModelAbility prior(String model, ModelAbility population);

    /** Every model starts at the population mean. */
    static AbilityPrior population() {
        return (model, population) -> population;
    }

    /**
     * Catalog models start at the population mean moved per task type by their benchmark scores (see
     * {@link CatalogAbilityPrior}); prefer {@link #fromCatalog(Collection, QualityProfile)}, which anchors them at
     * the profile's reference model instead.
     */
    static AbilityPrior fromCatalog(Collection<ModelEntry> catalog) {
        return new CatalogAbilityPrior(catalog, null);
    }

    /**
     * Catalog models start at the profile's anchor model ({@link QualityProfile#anchor()}) and move per task type
     * by their benchmark scores against the anchor's own; names outside the catalog get the population mean.
     */
    static AbilityPrior fromCatalog(Collection<ModelEntry> catalog, QualityProfile profile) {
        return new CatalogAbilityPrior(catalog, profile.ability(profile.anchor()));
    }
}
