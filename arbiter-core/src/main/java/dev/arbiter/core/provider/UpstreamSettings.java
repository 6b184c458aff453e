package dev.arbiter.core.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach one configured provider: its id (for errors), base URL (including any version path, e.g.
 * {@code https://api.openai.com/v1}), API key (null when none), extra headers, and timeouts.
 */
public record UpstreamSettings(String providerId, URI baseUrl, String apiKey, Map<String, String> headers, Timeouts timeouts) {
    public UpstreamSettings {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        timeouts = timeouts == null ? Timeouts.DEFAULTS : timeouts;
    }

    /** The same upstream called with another API key (a deployment with a key of its own). */
    public UpstreamSettings withApiKey(String newApiKey) {
        return new UpstreamSettings(providerId, baseUrl, newApiKey, headers, timeouts);
    }

    /** Resolves {@code path} (no leading slash) against the base URL, keeping the base URL's own path. */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }

    /** Upstream timeouts: connect, time to first byte, idle gap between stream events, and whole call. */
    public record Timeouts(Duration connect, Duration firstByte, Duration idle, Duration total) {
        public static final Timeouts DEFAULTS = new Timeouts(
                Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(60), Duration.ofMinutes(10));
    }
}
