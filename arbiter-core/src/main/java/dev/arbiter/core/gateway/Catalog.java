package dev.arbiter.core.gateway;

import dev.arbiter.core.catalog.ModelEntry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The models in force, looked up by id or alias, and which of them can be served now (their provider is
 * configured). Immutable; a config reload builds a new one.
 */
public final class Catalog {
    private final Map<String, ModelEntry> byId = new LinkedHashMap<>();
    private final Map<String, ModelEntry> byName = new HashMap<>();
    private final Set<String> configuredProviders;

    public Catalog(List<ModelEntry> models, Set<String> configuredProviders) {
        this.configuredProviders = Set.copyOf(configuredProviders);
        for (ModelEntry m : models) {
            byId.put(m.id(), m);
        }
        for (ModelEntry m : models) {
            for (String alias : m.aliases()) {
                byName.putIfAbsent(alias, m);
            }
        }
        byName.putAll(byId); // ids win over aliases
    }

    /** The model a caller's name refers to (id or alias), available or not. */
    public Optional<ModelEntry> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether some deployment of the model has a configured provider. */
    public boolean isAvailable(ModelEntry model) {
        return model.deployments().stream().anyMatch(d -> configuredProviders.contains(d.provider()));
    }

    /** Every model whose provider is configured, in catalog order. */
    public List<ModelEntry> available() {
        return byId.values().stream().filter(this::isAvailable).toList();
    }

    public List<ModelEntry> all() {
        return List.copyOf(byId.values());
    }
}
