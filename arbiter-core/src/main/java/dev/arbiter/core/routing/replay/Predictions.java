package dev.arbiter.core.routing.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A predictions file as {@code arbiter router predict} writes it ({"id": ..., "p": {"model": probability}} per
 * line), looked up by row id and model; a missing row or model fails naming which.
 */
public final class Predictions {
    private final String name;
    private final Map<String, Map<String, Double>> byId;

    private Predictions(String name, Map<String, Map<String, Double>> byId) {
        this.name = name;
        this.byId = byId;
    }

    public static Predictions read(Path file) {
        return of(file.getFileName().toString(), JsonLines.read(file));
    }

    public static Predictions parse(String name, List<String> lines) {
        return of(name, JsonLines.parse(name, lines));
    }

    private static Predictions of(String name, List<JsonLines.Line> lines) {
        Map<String, Map<String, Double>> byId = new HashMap<>();
        for (JsonLines.Line line : lines) {
            JsonNode id = line.node().get("id");
            JsonNode p = line.node().get("p");
            if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
                throw JsonLines.malformed(name, line.number(), "'id' must be a string");
            }
            if (p == null || !p.isObject()) {
                throw JsonLines.malformed(name, line.number(), "'p' must be an object of model -> probability");
            }
            Map<String, Double> probs = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                double v = e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN;
                if (!(v >= 0 && v <= 1)) {
                    throw JsonLines.malformed(name, line.number(), "p of " + e.getKey() + " must be a number in [0, 1]");
                }
                probs.put(e.getKey(), v);
            }
            byId.put(id.asText(), probs);
        }
        return new Predictions(name, byId);
    }

    /** The predicted probability that {@code model} answers row {@code id} acceptably. */
    public double p(String id, String model) {
        Map<String, Double> row = byId.get(id);
        if (row == null) {
            throw new ReplayException("missing predictions: " + name + " has no row for id " + id);
        }
        Double p = row.get(model);
        if (p == null) {
            throw new ReplayException("missing predictions: " + name + " has no p for model " + model + " in id " + id);
        }
        return p;
    }
}
