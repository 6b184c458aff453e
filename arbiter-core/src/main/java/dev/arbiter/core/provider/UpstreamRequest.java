package dev.arbiter.core.provider;

import java.net.URI;
import java.util.Map;

/** An HTTP request a codec built for the shared transport to send: POST {@code uri} with JSON {@code body}. */
public record UpstreamRequest(URI uri, Map<String, String> headers, byte[] body) {
    public UpstreamRequest {
        headers = Map.copyOf(headers);
    }
}
