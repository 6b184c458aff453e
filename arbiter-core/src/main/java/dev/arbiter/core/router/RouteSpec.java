package dev.arbiter.core.router;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.routing.RoutingPolicy;
import dev.arbiter.core.routing.TaskType;
import java.util.List;
import java.util.Map;

/**
 * What one routed model name means: its id (route name or virtual model), the policy (null for a cascade, which
 * {@code cascade} describes instead), the candidate pool (null: every available catalog model), its own bars and
 * cost cap (null/empty: not set), and a forced task type for {@code auto:<task>}.
 */
record RouteSpec(String id, String policyName, RoutingPolicy policy, CascadeOptions cascade,
                 List<ModelEntry> pool, Double qualityBar, Map<TaskType, Double> qualityBars, Double maxCostUsd,
                 TaskType forcedTask) {

    RouteSpec {
        pool = pool == null ? null : List.copyOf(pool);
        qualityBars = Map.copyOf(qualityBars);
    }

    /** A virtual model over the whole catalog with the routing section's bars. */
    static RouteSpec virtual(String id, RoutingPolicy policy, TaskType forcedTask) {
        return new RouteSpec(id, policy.name(), policy, null, null, null, Map.of(), null, forcedTask);
    }

    boolean isCascade() {
        return cascade != null;
    }
}
