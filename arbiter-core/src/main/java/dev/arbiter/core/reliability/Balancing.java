package dev.arbiter.core.reliability;

import java.util.Arrays;
import java.util.List;

/** How a model's calls are spread over its deployments (config key {@code balancing}). */
public enum Balancing {
    /** Random, in proportion to each deployment's {@code weight} (the default). */
    WEIGHTED("weighted"),
    /** The deployment with the fewest calls in flight (relative to its weight); ties drawn by weight. */
    LEAST_BUSY("least_busy"),
    /** Power of two choices: draw two by weight, take the one with the lower latency EWMA × (calls in flight + 1). */
    LATENCY("latency");

    private final String configName;

    Balancing(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The strategy a config name denotes, or null. */
    public static Balancing fromConfigName(String name) {
        return Arrays.stream(values()).filter(b -> b.configName.equals(name)).findFirst().orElse(null);
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(Balancing::configName).toList();
    }
}
