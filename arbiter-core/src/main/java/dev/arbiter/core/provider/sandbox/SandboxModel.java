package dev.arbiter.core.provider.sandbox;

import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.catalog.ModelEntry;
import java.time.Duration;
import java.util.Objects;

/**
 * One simulated upstream model: the name callers address it by at the sandbox, the catalog entry whose
 * capabilities it imitates, its time to first token and its generation speed in tokens per second.
 */
public record SandboxModel(String upstreamName, ModelEntry simulates, Duration timeToFirstToken, int tokensPerSecond) {
    private static final double CHEAP_OUTPUT_PRICE = 0.1;
    private static final double PRICEY_OUTPUT_PRICE = 75.0;

    public SandboxModel {
        Objects.requireNonNull(upstreamName, "upstreamName");
        Objects.requireNonNull(simulates, "simulates");
        Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
        if (timeToFirstToken.isNegative()) {
            throw new IllegalArgumentException("timeToFirstToken of '" + upstreamName + "' is negative: " + timeToFirstToken);
        }
        if (tokensPerSecond <= 0) {
            throw new IllegalArgumentException("tokensPerSecond of '" + upstreamName + "' must be positive: " + tokensPerSecond);
        }
    }

    /**
     * A simulated model with latency derived from the entry: the pricier the output (log scale from $0.10 to $75
     * per million tokens) and reasoning models weigh more, giving 150–600 ms to first token and 200–50 tokens/s.
     */
    public static SandboxModel simulating(String upstreamName, ModelEntry entry) {
        double weight = weight(entry);
        Duration ttft = Duration.ofMillis(Math.round(150 + 450 * weight));
        int tokensPerSecond = (int) Math.round(200 - 150 * weight);
        return new SandboxModel(upstreamName, entry, ttft, tokensPerSecond);
    }

    /** 0 for a small, cheap model, 1 for a big, expensive one. */
    private static double weight(ModelEntry entry) {
        double outputPrice = entry.price() == null ? PRICEY_OUTPUT_PRICE : entry.price().output().doubleValue();
        double span = Math.log10(PRICEY_OUTPUT_PRICE) - Math.log10(CHEAP_OUTPUT_PRICE);
        double weight = (Math.log10(Math.max(outputPrice, CHEAP_OUTPUT_PRICE)) - Math.log10(CHEAP_OUTPUT_PRICE)) / span;
        if (entry.supports(Capability.REASONING)) {
            weight += 0.15;
        }
        return Math.clamp(weight, 0.0, 1.0);
    }
}
