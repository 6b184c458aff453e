package dev.arbiter.core.routing;

import dev.arbiter.core.catalog.ModelEntry;
import java.util.Optional;

/**
 * The governance hook of the router's hard filters: may this model serve this request (data residency, allowed
 * vendors, data classes, ...)? Runs after the built-in filters and before the policy; thread-safe and pure.
 */
@FunctionalInterface
public interface CandidateFilter {
    /** Lets every model through. */
    CandidateFilter ALLOW_ALL = (model, features, context) -> Optional.empty();

    /** Empty to allow the model, or the reason it may not serve the request (shown to the caller when nothing is left). */
    Optional<String> refuse(ModelEntry model, RequestFeatures features, RoutingContext context);
}
