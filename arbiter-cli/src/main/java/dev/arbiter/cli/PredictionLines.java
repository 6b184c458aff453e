package dev.arbiter.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The predictions-file format replay reads: one {"id": ..., "p": {"model": probability}} line per row. */
final class PredictionLines {
    private PredictionLines() {
    }

    static String line(String id, Map<String, Double> p) {
        ObjectNode node = Json.object().put("id", id);
        ObjectNode probabilities = node.putObject("p");
        p.forEach(probabilities::put);
        return Json.text(node);
    }

    static List<String> of(Map<String, Map<String, Double>> predictions) {
        List<String> lines = new ArrayList<>(predictions.size());
        predictions.forEach((id, p) -> lines.add(line(id, p)));
        return lines;
    }
}
