package dev.arbiter.core.config;

import dev.arbiter.core.routing.TaskType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One named route callers can send as {@code model}: its policy and that policy's options, the candidate models
 * (empty: every available catalog model), its quality bar and per-task-type bars (null/empty: the routing
 * section's), an optional cost cap per request in USD, the policy's options, and the baseline model the ledger
 * measures the route's savings against (null: the ledger's default rule).
 */
public record RouteConfig(String name, String policy, List<String> candidates, Double qualityBar,
                          Map<TaskType, Double> qualityBars, Double maxCostUsd, Map<String, Object> options,
                          String baseline) {
    public RouteConfig {
        candidates = List.copyOf(candidates);
        qualityBars = Map.copyOf(qualityBars);
        // Options keep their order and may hold nulls (YAML null), so no Map.copyOf.
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A route without a baseline of its own. */
    public RouteConfig(String name, String policy, List<String> candidates, Double qualityBar,
                       Map<TaskType, Double> qualityBars, Double maxCostUsd, Map<String, Object> options) {
        this(name, policy, candidates, qualityBar, qualityBars, maxCostUsd, options, null);
    }
}
