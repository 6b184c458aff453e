package dev.arbiter.core.routing.quality;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.routing.QualityModel;
import java.util.Collection;

/**
 * The quality model the gateway routes with: a fitted profile extended to every catalog model. A catalog model
 * the profile already knows (by id) keeps its fitted abilities; any other gets per-task abilities from its declared
 * benchmark scores, anchored at the profile's reference model ({@link AbilityPrior#fromCatalog(Collection,
 * QualityProfile)}; docs/routing.md, "Catalog priors").
 */
public final class CatalogQuality {
    private CatalogQuality() {
    }

    public static QualityProfile build(QualityProfile profile, Collection<ModelEntry> catalog) {
        AbilityPrior prior = AbilityPrior.fromCatalog(catalog, profile);
        QualityProfile result = profile;
        for (ModelEntry model : catalog) {
            if (profile.ability(model.id()) == null) {
                result = result.withModel(model.id(), prior.prior(model.id(), profile.populationPrior()));
            }
        }
        return result;
    }

    /** Convenience for callers that only need the {@link QualityModel} view. */
    public static QualityModel of(QualityProfile profile, Collection<ModelEntry> catalog) {
        return build(profile, catalog);
    }
}
