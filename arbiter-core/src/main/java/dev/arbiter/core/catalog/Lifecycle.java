package dev.arbiter.core.catalog;

import java.util.Locale;

/**
 * Where a model stands in its vendor's life cycle. Virtual models and routes never pick a deprecated or retired
 * model; a caller naming one directly is still served (the upstream decides whether it answers).
 */
public enum Lifecycle {
    ACTIVE, DEPRECATED, RETIRED;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a config name ({@code active}, {@code deprecated}, {@code retired}); null when unknown. */
    public static Lifecycle fromConfigName(String name) {
        for (Lifecycle l : values()) {
            if (l.configName().equals(name)) {
                return l;
            }
        }
        return null;
    }
}
