package dev.arbiter.core.routing;

import java.util.List;

/** What a policy decides on: the request's features, the candidates that passed the hard filters, the settings. */
public record RoutingInput(RequestFeatures features, List<Candidate> candidates, PolicySettings settings) {
    public RoutingInput {
        candidates = List.copyOf(candidates);
    }
}
