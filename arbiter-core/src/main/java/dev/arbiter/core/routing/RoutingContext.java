package dev.arbiter.core.routing;

import java.util.Locale;
import java.util.Map;

/**
 * Who asked and through which route, for policies that decide on more than the prompt: rules (route, headers,
 * metadata), weighted splits (sticky per user). Header names are lower-case. Empty in offline replay.
 */
public record RoutingContext(String route, String user, String requestId, Map<String, String> headers,
                             Map<String, String> metadata) {
    public static final RoutingContext NONE = new RoutingContext(null, null, null, Map.of(), Map.of());

    public RoutingContext {
        headers = Map.copyOf(headers);
        metadata = Map.copyOf(metadata);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** What a split hashes: the user when known (sticky), else the request id (a fresh draw per request). */
    public String stickyKey() {
        return user != null ? user : requestId;
    }
}
