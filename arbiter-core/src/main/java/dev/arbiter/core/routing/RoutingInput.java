package dev.arbiter.core.routing;

import java.util.List;

/**
 * What a policy decides on: the request's features, the candidates that passed the hard filters, the settings,
 * and the request's context (route, user, headers, metadata).
 */
public record RoutingInput(RequestFeatures features, List<Candidate> candidates, PolicySettings settings,
                           RoutingContext context) {
    public RoutingInput {
        candidates = List.copyOf(candidates);
    }

    /** An input without request context, as in offline replay. */
    public RoutingInput(RequestFeatures features, List<Candidate> candidates, PolicySettings settings) {
        this(features, candidates, settings, RoutingContext.NONE);
    }
}
