package dev.arbiter.core.routing.policy;

import dev.arbiter.core.routing.RoutingPolicy;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Turns a YAML snippet into the plain tree the config reader hands to {@link Policies#create}. */
final class Yaml {
    private Yaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> options(String yaml) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    static RoutingPolicy policy(String name, String yaml) {
        return Policies.create(name, options(yaml));
    }
}
