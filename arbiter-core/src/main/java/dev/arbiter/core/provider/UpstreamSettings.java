package dev.arbiter.core.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * Resolves {@code path} (no leading slash) against the base URL, keeping the base URL's own path. Remembered per
     * base URL and path (a few per upstream model, at most {@value #MAX_REMEMBERED}), since parsing a URI on every
     * call is measurable.
     */
    public URI resolve(String path) {
        Endpoint endpoint = new Endpoint(baseUrl, path);
        URI known = RESOLVED.get(endpoint);
        if (known != null) {
            return known;
        }
        URI uri = endpoint.uri();
        if (RESOLVED.size() < MAX_REMEMBERED) {
            RESOLVED.put(endpoint, uri);
        }
        return uri;
    }

    private static final int MAX_REMEMBERED = 4096;

    private static final Map<Endpoint, URI> RESOLVED = new ConcurrentHashMap<>();

    private record Endpoint(URI baseUrl, String path) {
        URI uri() {
            String base = baseUrl.toString();
            return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
        }
    }

    /** Upstream timeouts: connect, time to first byte, idle gap between stream events, and whole call. */
    public record Timeouts(Duration connect, Duration firstByte, Duration idle, Duration total) {
        public static final Timeouts DEFAULTS = new Timeouts(
                Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(60), Duration.ofMinutes(10));
    }
}
