package dev.arbiter.core.config;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.reliability.ReliabilityConfig;
import java.util.List;

/**
 * The whole validated configuration: server settings, providers and the model catalog in force
 * (built-in catalog merged with the config's models, which override built-in entries of the same id), the
 * routing settings and named routes, and the reliability settings (retries, breakers, timeouts, stream window,
 * per-model balancing and fallbacks), and tenancy (admin key, storage, ledger, budgets and rate limits). {@code sandbox} is true when no provider was configured and the simulated
 * models are served instead.
 */
public record GatewayConfig(ServerConfig server, List<ProviderConfig> providers, List<ModelEntry> models, boolean sandbox,
                            RoutingConfig routing, ReliabilityConfig reliability, TenancyConfig tenancy) {
    public GatewayConfig {
        providers = List.copyOf(providers);
        models = List.copyOf(models);
        routing = routing == null ? RoutingConfig.DEFAULTS : routing;
        reliability = reliability == null ? ReliabilityConfig.DEFAULTS : reliability;
        tenancy = tenancy == null ? TenancyConfig.DEFAULTS : tenancy;
    }

    /** A config without tenancy: open, no storage, no limits. */
    public GatewayConfig(ServerConfig server, List<ProviderConfig> providers, List<ModelEntry> models, boolean sandbox,
                         RoutingConfig routing, ReliabilityConfig reliability) {
        this(server, providers, models, sandbox, routing, reliability, TenancyConfig.DEFAULTS);
    }

    /** A config with the default routing and reliability settings and no routes. */
    public GatewayConfig(ServerConfig server, List<ProviderConfig> providers, List<ModelEntry> models, boolean sandbox) {
        this(server, providers, models, sandbox, RoutingConfig.DEFAULTS, ReliabilityConfig.DEFAULTS);
    }

    public GatewayConfig withRouting(RoutingConfig newRouting) {
        return new GatewayConfig(server, providers, models, sandbox, newRouting, reliability, tenancy);
    }

    public GatewayConfig withReliability(ReliabilityConfig newReliability) {
        return new GatewayConfig(server, providers, models, sandbox, routing, newReliability, tenancy);
    }

    public GatewayConfig withTenancy(TenancyConfig newTenancy) {
        return new GatewayConfig(server, providers, models, sandbox, routing, reliability, newTenancy);
    }
}
