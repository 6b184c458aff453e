package dev.arbiter.core.config;

import dev.arbiter.core.routing.TaskType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One named route callers can send as {@code model}: its policy and that policy's options, the candidate models
 * (empty: every available catalog model), its quality bar and per-task-type bars (null/empty: the routing
 * section's), and an optional cost cap per request in USD.
 */
public record RouteConfig(String name, String policy, List<String> candidates, Double qualityBar,
                          Map<TaskType, Double> qualityBars, Double maxCostUsd, Map<String, Object> options) {
    public RouteConfig {
        candidates = List.copyOf(candidates);
        qualityBars = Map.copyOf(qualityBars);
        // Options keep their order and may hold nulls (YAML null), so no Map.copyOf.
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}
