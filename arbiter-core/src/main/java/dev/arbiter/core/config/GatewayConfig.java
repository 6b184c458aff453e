package dev.arbiter.core.config;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.reliability.ReliabilityConfig;
import java.util.List;

/**
 * The whole validated configuration: server settings, providers and the model catalog in force
 * (built-in catalog merged with the config's models, which override built-in entries of the same id), the
 * routing settings and named routes, and the reliability settings (retries, breakers, timeouts, stream window,
 * per-model balancing and fallbacks). {@code sandbox} is true when no provider was configured and the simulated
 * models are served instead.
 */
public record GatewayConfig(ServerConfig server, List<ProviderConfig> providers, List<ModelEntry> models, boolean sandbox,
                            RoutingConfig routing, ReliabilityConfig reliability) {
    public GatewayConfig {
        providers = List.copyOf(providers);
        models = List.copyOf(models);
        routing = routing == null ? RoutingConfig.DEFAULTS : routing;
        reliability = reliability == null ? ReliabilityConfig.DEFAULTS : reliability;
    }

    /** A config with the default routing and reliability settings and no routes. */
    public GatewayConfig(ServerConfig server, List<ProviderConfig> providers, List<ModelEntry> models, boolean sandbox) {
        this(server, providers, models, sandbox, RoutingConfig.DEFAULTS, ReliabilityConfig.DEFAULTS);
    }

    public GatewayConfig withRouting(RoutingConfig newRouting) {
        return new GatewayConfig(server, providers, models, sandbox, newRouting, reliability);
    }

    public GatewayConfig withReliability(ReliabilityConfig newReliability) {
        return new GatewayConfig(server, providers, models, sandbox, routing, newReliability);
    }
}
