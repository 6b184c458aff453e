package dev.arbiter.core.router;

import dev.arbiter.core.routing.CandidateFilter;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.ModelHealth;
import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import dev.arbiter.core.routing.quality.QualityProfile;
import dev.arbiter.core.routing.stats.LatencyStats;
import java.time.Clock;

/**
 * What the router takes from outside the config: the feature extractor, the health view (the reliability stages
 * answer it), the governance filter, the live latency stats (the router records every successful attempt into
 * them; share them with other stages by passing the same instance), and optionally a quality profile that
 * overrides the config's (null: the config's {@code routing.quality_profile}, else the shipped base profile), and
 * the clock that says which catalog price is in force when a request's cost is estimated.
 * Null components take their defaults. Engine wiring and tests swap parts.
 */
public record RouterServices(FeatureExtractor features, ModelHealth health, CandidateFilter governance,
                             LatencyStats latency, QualityProfile profile, Clock clock) {

    public RouterServices {
        features = features == null ? new HeuristicFeatureExtractor() : features;
        health = health == null ? ModelHealth.ALL_HEALTHY : health;
        governance = governance == null ? CandidateFilter.ALLOW_ALL : governance;
        latency = latency == null ? LatencyStats.create() : latency;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /**
     * Heuristic features, every model healthy, governance allowing all, fresh stats, the configured or shipped
     * profile, the system clock.
     */
    public static RouterServices defaults() {
        return new RouterServices(null, null, null, null, null, null);
    }

    public RouterServices withFeatures(FeatureExtractor newFeatures) {
        return new RouterServices(newFeatures, health, governance, latency, profile, clock);
    }

    public RouterServices withHealth(ModelHealth newHealth) {
        return new RouterServices(features, newHealth, governance, latency, profile, clock);
    }

    public RouterServices withGovernance(CandidateFilter newGovernance) {
        return new RouterServices(features, health, newGovernance, latency, profile, clock);
    }

    public RouterServices withLatency(LatencyStats newLatency) {
        return new RouterServices(features, health, governance, newLatency, profile, clock);
    }

    public RouterServices withProfile(QualityProfile newProfile) {
        return new RouterServices(features, health, governance, latency, newProfile, clock);
    }

    public RouterServices withClock(Clock newClock) {
        return new RouterServices(features, health, governance, latency, profile, newClock);
    }
}
