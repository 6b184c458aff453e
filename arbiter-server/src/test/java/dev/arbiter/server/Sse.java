package dev.arbiter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** Splits an SSE body into events (event name, data) for assertions. */
record Sse(String event, String data) {
    static List<Sse> parse(String body) {
        List<Sse> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            if (!data.isEmpty()) {
                events.add(new Sse(event, data.toString()));
            }
        }
        return events;
    }

    JsonNode json() {
        return Json.parse(data);
    }
}
