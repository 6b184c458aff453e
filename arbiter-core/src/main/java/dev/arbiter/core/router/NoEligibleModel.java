package dev.arbiter.core.router;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.routing.FilteredModel;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The error when the hard filters leave nothing: a 400 naming what removed each model, or a 503 when only health
 * did (the request is fine; the models are down).
 */
final class NoEligibleModel {
    private static final int LISTED = 12;

    private NoEligibleModel() {
    }

    static ArbiterException of(String route, List<ModelEntry> pool, List<FilteredModel> removed) {
        if (pool.isEmpty()) {
            return new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "No model can serve '" + route
                    + "': no catalog model is available (configure a provider).", "model", "no_eligible_model", null);
        }
        String reasons = removed.stream().limit(LISTED).map(FilteredModel::toString)
                .collect(Collectors.joining("; "));
        if (removed.size() > LISTED) {
            reasons += "; and " + (removed.size() - LISTED) + " more";
        }
        boolean onlyHealth = removed.stream().allMatch(f -> f.filter().equals("health"));
        if (onlyHealth) {
            return new ArbiterException(ErrorKind.PROVIDER_UNAVAILABLE, "No model can serve this request on '"
                    + route + "' right now: " + reasons + ".", "model", "no_healthy_model", null);
        }
        return new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "No model can serve this request on '"
                + route + "': " + reasons + ".", "model", "no_eligible_model", null);
    }
}
