package dev.arbiter.testing.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A request a fake upstream received: path with query, headers (lower-case names) and parsed JSON body. */
public record RecordedRequest(String method, String pathAndQuery, Map<String, List<String>> headers, JsonNode body) {
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
