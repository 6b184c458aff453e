package dev.arbiter.core.gateway;

import dev.arbiter.core.catalog.Deployment;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.config.ProviderConfig;
import dev.arbiter.core.provider.Provider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The running provider behind each deployment: its provider's, or for a deployment with an API key of its own, a
 * twin of that provider calling with that key (one per distinct key, built at assembly).
 */
final class DeploymentProviders {
    private final Map<String, Provider> byId;
    private final Map<Keyed, Provider> keyed;

    private record Keyed(String provider, String apiKey) {
    }

    private DeploymentProviders(Map<String, Provider> byId, Map<Keyed, Provider> keyed) {
        this.byId = Map.copyOf(byId);
        this.keyed = Map.copyOf(keyed);
    }

    /** Deployments use their provider's own key only. */
    static DeploymentProviders of(Map<String, Provider> byId) {
        return new DeploymentProviders(byId, Map.of());
    }

    /** Also builds a keyed twin for every deployment of {@code models} that has its own key and a configured provider. */
    static DeploymentProviders build(Map<String, Provider> byId, List<ProviderConfig> configs, List<ModelEntry> models) {
        Map<String, ProviderConfig> configById = new HashMap<>();
        configs.forEach(c -> configById.put(c.id(), c));
        Map<Keyed, Provider> keyed = new HashMap<>();
        for (ModelEntry m : models) {
            for (Deployment d : m.deployments()) {
                ProviderConfig config = configById.get(d.provider());
                if (d.hasOwnKey() && config != null && byId.containsKey(d.provider())) {
                    keyed.computeIfAbsent(new Keyed(d.provider(), d.apiKey()), k -> Providers.create(config.withApiKey(k.apiKey())));
                }
            }
        }
        return new DeploymentProviders(byId, keyed);
    }

    /** The provider to call the deployment through, or null when none is running. */
    Provider forDeployment(Deployment d) {
        return d.hasOwnKey() ? keyed.get(new Keyed(d.provider(), d.apiKey())) : byId.get(d.provider());
    }

    boolean running(Deployment d) {
        return forDeployment(d) != null;
    }
}
