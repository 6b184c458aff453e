package dev.arbiter.core.config;

import dev.arbiter.core.provider.UpstreamSettings;

/** One upstream as configured: its id, the protocol it speaks and how to reach it. */
public record ProviderConfig(String id, ProviderType type, UpstreamSettings settings) {

    /** The same upstream called with another API key (for a deployment that has its own). */
    public ProviderConfig withApiKey(String apiKey) {
        return new ProviderConfig(id, type, settings == null ? null : settings.withApiKey(apiKey));
    }
}
