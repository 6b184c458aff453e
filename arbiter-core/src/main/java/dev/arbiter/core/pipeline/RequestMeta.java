package dev.arbiter.core.pipeline;

import java.util.Locale;
import java.util.Map;

/** What the caller sent besides the body: headers (lower-case names), which API it used, when it arrived (nanoTime). */
public record RequestMeta(Map<String, String> headers, String api, long receivedNanos) {
    public RequestMeta {
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
