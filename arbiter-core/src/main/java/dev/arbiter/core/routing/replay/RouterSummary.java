package dev.arbiter.core.routing.replay;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one router (a policy at one setting, or a baseline) did over a file: mean score of the chosen models,
 * total and mean cost per row, and the share of rows sent to each model. {@code model} names the single model of
 * an always-X baseline (null otherwise).
 */
public record RouterSummary(String name, String model, double quality, double costTotal, double costMean,
                            Map<String, Double> shares) {
    public RouterSummary {
        shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    }
}
