package dev.arbiter.server;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.gateway.Gateway;
import dev.arbiter.core.router.VirtualModels;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps metric label values to a known, bounded set: model ids from the catalog, routes from the config (and the
 * virtual models), provider ids from the config. Anything else, such as a model name a caller made up, or no value
 * at all because the request failed before routing, becomes {@code unknown}, so callers cannot mint time series.
 */
final class MetricLabels {
    static final String UNKNOWN = "unknown";

    private final Set<String> models;
    private final Set<String> routes;
    private final Set<String> providers;

    MetricLabels(Set<String> models, Set<String> routes, Set<String> providers) {
        this.models = Set.copyOf(models);
        this.routes = Set.copyOf(routes);
        this.providers = Set.copyOf(providers);
    }

    static MetricLabels of(Gateway gateway, List<String> providerIds) {
        Set<String> models = new HashSet<>();
        gateway.catalog().all().stream().map(ModelEntry::id).forEach(models::add);
        Set<String> routes = new HashSet<>();
        routes.add(VirtualModels.DIRECT);
        gateway.virtualModels().forEach(v -> routes.add(v.id()));
        return new MetricLabels(models, routes, new HashSet<>(providerIds));
    }

    String model(String id) {
        return known(models, id);
    }

    String route(String name) {
        return known(routes, name);
    }

    String provider(String id) {
        return known(providers, id);
    }

    private static String known(Set<String> allowed, String value) {
        return value != null && allowed.contains(value) ? value : UNKNOWN;
    }

    static String statusClass(int status) {
        return switch (status / 100) {
            case 2 -> "2xx";
            case 4 -> "4xx";
            case 5 -> "5xx";
            default -> "other";
        };
    }
}
