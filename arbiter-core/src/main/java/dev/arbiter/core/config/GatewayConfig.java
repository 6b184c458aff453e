package dev.arbiter.core.config;

import dev.arbiter.core.catalog.ModelEntry;
import java.util.List;

/**
 * The whole validated configuration: server settings, providers and the model catalog in force
 * (built-in catalog merged with the config's models, which override built-in entries of the same id),
 * and the routing settings and named routes. {@code sandbox} is true when no provider was configured and the
 * simulated models are served instead.
 */
public record GatewayConfig(ServerConfig server, List<ProviderConfig> providers, List<ModelEntry> models, boolean sandbox,
                            RoutingConfig routing) {
    public GatewayConfig {
        providers = List.copyOf(providers);
        models = List.copyOf(models);
        routing = routing == null ? RoutingConfig.DEFAULTS : routing;
    }

    /** A config with the default routing settings and no routes. */
    public GatewayConfig(ServerConfig server, List<ProviderConfig> providers, List<ModelEntry> models, boolean sandbox) {
        this(server, providers, models, sandbox, RoutingConfig.DEFAULTS);
    }
}
