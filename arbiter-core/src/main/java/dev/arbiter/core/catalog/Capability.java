package dev.arbiter.core.catalog;

import java.util.Locale;

/** A feature a model supports; requests needing one it lacks are refused (400) or routed elsewhere. */
public enum Capability {
    TOOLS, JSON_OBJECT, JSON_SCHEMA, VISION, REASONING;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a config name ({@code tools}, {@code json_schema}, ...); null when unknown. */
    public static Capability fromConfigName(String name) {
        for (Capability c : values()) {
            if (c.configName().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
