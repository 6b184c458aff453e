package dev.arbiter.core.router;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.config.RouteConfig;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.gateway.Catalog;
import dev.arbiter.core.routing.TaskType;
import dev.arbiter.core.routing.policy.Policies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every routed model name, resolved once: the virtual models and the configured routes with their policies and
 * candidate pools. {@link #lookup} tells a routed name from a concrete model name.
 */
final class RouteTable {
    private final Map<String, RouteSpec> specs = new LinkedHashMap<>();
    private final List<VirtualModels.Listed> listed = new ArrayList<>();

    RouteTable(List<RouteConfig> routes, Catalog catalog) {
        specs.put(VirtualModels.AUTO, RouteSpec.virtual(VirtualModels.AUTO,
                Policies.byName(Policies.CHEAPEST_MEETING_BAR), null));
        for (TaskType task : TaskType.values()) {
            String id = VirtualModels.TASK_PREFIX + task.configName();
            specs.put(id, RouteSpec.virtual(id, Policies.byName(Policies.CHEAPEST_MEETING_BAR), task));
        }
        specs.put(VirtualModels.FAST, RouteSpec.virtual(VirtualModels.FAST,
                Policies.byName(Policies.LOWEST_LATENCY), null));
        specs.put(VirtualModels.BEST, RouteSpec.virtual(VirtualModels.BEST,
                Policies.byName(Policies.BEST_WITHIN_BUDGET), null));
        listed.addAll(VirtualModels.listed());
        for (RouteConfig route : routes) {
            specs.put(route.name(), spec(route, catalog));
            listed.add(new VirtualModels.Listed(route.name(), "route", route.policy(), "Route '" + route.name()
                    + "' (" + route.policy() + ")"));
        }
    }

    /**
     * The spec a model name selects, or empty for anything else (a concrete model, or an unknown name the
     * catalog lookup will refuse). An {@code auto:} name with an unknown task type is a 400 listing the valid ones.
     */
    Optional<RouteSpec> lookup(String model) {
        RouteSpec spec = specs.get(model);
        if (spec == null && model != null && model.startsWith(VirtualModels.TASK_PREFIX)) {
            String task = model.substring(VirtualModels.TASK_PREFIX.length());
            throw ArbiterException.invalid("model", "Unknown task type '" + task + "' in virtual model '" + model
                    + "'; use auto:<task> with one of: " + String.join(", ", VirtualModels.taskNames()) + ".");
        }
        return Optional.ofNullable(spec);
    }

    List<VirtualModels.Listed> listed() {
        return List.copyOf(listed);
    }

    private static RouteSpec spec(RouteConfig route, Catalog catalog) {
        List<ModelEntry> pool = route.candidates().isEmpty() ? null : pool(route, catalog);
        boolean cascade = RoutePolicies.CASCADE.equals(route.policy());
        return new RouteSpec(route.name(), route.policy(),
                cascade ? null : RoutePolicies.create(route.policy(), route.options()),
                cascade ? CascadeOptions.parse(route.options()) : null,
                pool, route.qualityBar(), route.qualityBars(), route.maxCostUsd(), null);
    }

    private static List<ModelEntry> pool(RouteConfig route, Catalog catalog) {
        Set<ModelEntry> pool = new LinkedHashSet<>();
        for (String name : route.candidates()) {
            pool.add(catalog.find(name).orElseThrow(() -> new IllegalArgumentException(
                    "route '" + route.name() + "' names model '" + name + "', which is not in the catalog")));
        }
        return List.copyOf(pool);
    }
}
