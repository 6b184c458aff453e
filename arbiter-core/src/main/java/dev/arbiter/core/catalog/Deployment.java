package dev.arbiter.core.catalog;

import java.util.Objects;

/**
 * One place a model is served: a provider, the upstream's name for the model there, a balancing weight, a
 * concurrency cap (0 = none), and optionally an API key of its own (else the provider's) and a label (region,
 * account, host) that tells it apart from other deployments of the same upstream model.
 */
public record Deployment(String provider, String upstreamModel, int weight, int maxConcurrency, String apiKey, String label) {

    public Deployment {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
        if (weight < 1) {
            throw new IllegalArgumentException("deployment weight must be at least 1, got " + weight);
        }
        if (maxConcurrency < 0) {
            throw new IllegalArgumentException("deployment max_concurrency must not be negative, got " + maxConcurrency);
        }
    }

    /** The single deployment of a model declared with {@code provider} and {@code upstream_model}. */
    public static Deployment of(String provider, String upstreamModel) {
        return new Deployment(provider, upstreamModel, 1, 0, null, null);
    }

    /** Stable name for breakers, health and attempt records: {@code provider/upstream[@label]}; never shows the key. */
    public String id() {
        return provider + "/" + upstreamModel + (label == null ? "" : "@" + label);
    }

    /** Whether this deployment has an API key of its own rather than its provider's. */
    public boolean hasOwnKey() {
        return apiKey != null;
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "Deployment[" + id() + ", weight=" + weight + ", maxConcurrency=" + maxConcurrency
                + (apiKey == null ? "" : ", own key") + "]";
    }
}
