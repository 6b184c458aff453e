package dev.arbiter.core.gateway;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.config.ProviderConfig;
import dev.arbiter.core.config.ProviderType;
import dev.arbiter.core.limits.LimitsConfig;
import dev.arbiter.core.limits.LimitsStage;
import dev.arbiter.core.provider.Provider;
import dev.arbiter.core.provider.sandbox.Pacer;
import dev.arbiter.core.provider.sandbox.SandboxProvider;
import dev.arbiter.core.provider.sandbox.SandboxSetup;
import dev.arbiter.core.reliability.Reliability;
import dev.arbiter.core.router.RouterServices;
import dev.arbiter.core.router.RouterStage;
import dev.arbiter.core.routing.features.FeatureExtractors;
import dev.arbiter.core.tenancy.AuthStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A gateway assembled from a validated config: one provider per configured upstream (plus a keyed twin per
 * deployment with its own API key), the catalog, the router, the reliability machinery, and in sandbox mode the
 * simulated twins of the catalog's models (reachable under their real names too, so code written for the real
 * models runs unchanged against the sandbox).
 */
public record Engine(Gateway gateway, List<String> providerIds, boolean sandbox) {

    public static Engine assemble(GatewayConfig config) {
        return assemble(config, Pacer.sleeping());
    }

    /** As {@link #assemble(GatewayConfig)}, with the sandbox's pacing injectable for tests. */
    public static Engine assemble(GatewayConfig config, Pacer sandboxPacer) {
        return assemble(config, sandboxPacer, RouterServices.defaults());
    }

    /** As {@link #assemble(GatewayConfig, Pacer)}, with the router's health, governance and profile injectable. */
    public static Engine assemble(GatewayConfig config, Pacer sandboxPacer, RouterServices routerServices) {
        return assemble(config, sandboxPacer, routerServices, TenancyServices.inMemory());
    }

    /**
     * As above, with the tenancy services (authenticator, spend counters, rate limiter, alerts) built by the caller
     * from the config's storage and Redis. The auth stage is in the pipeline when an authenticator is given; the
     * limits stage when keys (which may carry budgets and limits) or budget/rate-limit rules exist.
     */
    public static Engine assemble(GatewayConfig config, Pacer sandboxPacer, RouterServices routerServices,
                                  TenancyServices tenancy) {
        Map<String, Provider> providers = new LinkedHashMap<>();
        boolean wantsSandbox = config.sandbox();
        for (ProviderConfig p : config.providers()) {
            if (p.type() == ProviderType.SANDBOX) {
                wantsSandbox = true;
            } else {
                providers.put(p.id(), Providers.create(p));
            }
        }
        List<ModelEntry> models = new ArrayList<>(config.models());
        if (wantsSandbox) {
            SandboxSetup setup = SandboxProvider.fromCatalog(config.models(), sandboxPacer);
            providers.put(setup.provider().id(), setup.provider());
            models = config.sandbox() ? twinsAnsweringToRealNames(config.models(), setup) : concat(models, setup.models());
        }
        Catalog catalog = new Catalog(models, providers.keySet());
        DeploymentProviders deployments = DeploymentProviders.build(providers, config.providers(), models);
        Reliability reliability = Reliability.standard(config.reliability(), deployments::running)
                .register(catalog.available());
        RouterServices services = routerServices.withHealth(reliability.health());
        if (config.routing().embeddings()) {
            services = services.withFeatures(FeatureExtractors.forConfig(true));
        }
        RouterStage router = RouterStage.create(catalog, config.routing(), services);
        AuthStage auth = tenancy.authenticator() == null ? null : new AuthStage(tenancy.authenticator());
        LimitsConfig limits = config.tenancy().limits();
        boolean limited = auth != null || !limits.budgets().isEmpty() || !limits.rateLimits().isEmpty();
        LimitsStage limitsStage = limited ? new LimitsStage(limits.rules(), tenancy.counters(), tenancy.limiter(),
                LimitsStage.Services.of(tenancy.alerts())) : null;
        return new Engine(new Gateway(catalog, deployments, reliability, router, auth, limitsStage),
                List.copyOf(providers.keySet()), config.sandbox());
    }

    /** In pure sandbox mode the real entries cannot be served, so their names become aliases of the twins. */
    private static List<ModelEntry> twinsAnsweringToRealNames(List<ModelEntry> real, SandboxSetup setup) {
        Map<String, ModelEntry> realByName = new LinkedHashMap<>();
        for (ModelEntry m : real) {
            realByName.putIfAbsent(m.id().substring(m.id().indexOf('/') + 1), m);
        }
        List<ModelEntry> twins = new ArrayList<>();
        for (ModelEntry twin : setup.models()) {
            ModelEntry original = realByName.get(twin.upstreamModel());
            List<String> aliases = original == null ? twin.aliases()
                    : Stream.concat(Stream.of(original.id()), original.aliases().stream()).toList();
            twins.add(twin.withAliases(aliases));
        }
        return twins;
    }

    private static List<ModelEntry> concat(List<ModelEntry> a, List<ModelEntry> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
