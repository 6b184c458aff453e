package dev.arbiter.core.config;

import dev.arbiter.core.routing.TaskType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code routing} and {@code routes} sections: the default quality bar and per-task-type bars for virtual
 * models, an optional fitted quality profile (null: the shipped base profile), and the named routes.
 */
public record RoutingConfig(double defaultQualityBar, Map<TaskType, Double> qualityBars, Path qualityProfile,
                            List<RouteConfig> routes) {
    /** The bar virtual models use when the config sets none. */
    public static final double DEFAULT_QUALITY_BAR = 0.8;
    public static final RoutingConfig DEFAULTS = new RoutingConfig(DEFAULT_QUALITY_BAR, Map.of(), null, List.of());

    public RoutingConfig {
        qualityBars = Map.copyOf(qualityBars);
        routes = List.copyOf(routes);
    }
}
