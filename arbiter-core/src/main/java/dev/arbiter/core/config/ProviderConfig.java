package dev.arbiter.core.config;

import dev.arbiter.core.provider.UpstreamSettings;

/** One upstream as configured: its id, the protocol it speaks and how to reach it. */
public record ProviderConfig(String id, ProviderType type, UpstreamSettings settings) {
}
