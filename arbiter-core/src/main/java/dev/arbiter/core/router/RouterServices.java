package dev.arbiter.core.router;

import dev.arbiter.core.routing.CandidateFilter;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.ModelHealth;
import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import dev.arbiter.core.routing.quality.QualityProfile;

/**
 * What the router takes from outside the config: the feature extractor, the health view (the reliability stages
 * answer it), the governance filter, and optionally a quality profile that overrides the config's (null: the
 * config's {@code routing.quality_profile}, else the shipped base profile). Engine wiring and tests swap parts.
 */
public record RouterServices(FeatureExtractor features, ModelHealth health, CandidateFilter governance,
                             QualityProfile profile) {

    public RouterServices {
        features = features == null ? new HeuristicFeatureExtractor() : features;
        health = health == null ? ModelHealth.ALL_HEALTHY : health;
        governance = governance == null ? CandidateFilter.ALLOW_ALL : governance;
    }

    /** Heuristic features, every model healthy, governance allowing all, the configured or shipped profile. */
    public static RouterServices defaults() {
        return new RouterServices(null, null, null, null);
    }

    public RouterServices withHealth(ModelHealth newHealth) {
        return new RouterServices(features, newHealth, governance, profile);
    }

    public RouterServices withGovernance(CandidateFilter newGovernance) {
        return new RouterServices(features, health, newGovernance, profile);
    }

    public RouterServices withProfile(QualityProfile newProfile) {
        return new RouterServices(features, health, governance, newProfile);
    }
}
