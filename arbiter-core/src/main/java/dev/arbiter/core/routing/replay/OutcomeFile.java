package dev.arbiter.core.routing.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an outcome file ({"id","task","prompt","outcomes":{"model":{"score","cost_usd"?}}} per line), checking
 * every row has the same models, and can narrow it to a pair of models.
 */
public final class OutcomeFile {
    private OutcomeFile() {
    }

    public static List<OutcomeRow> read(Path file) {
        return rows(file.getFileName().toString(), JsonLines.read(file));
    }

    public static List<OutcomeRow> parse(String name, List<String> lines) {
        return rows(name, JsonLines.parse(name, lines));
    }

    private static List<OutcomeRow> rows(String name, List<JsonLines.Line> lines) {
        if (lines.isEmpty()) {
            throw new ReplayException("empty data file: " + name + " has no rows");
        }
        List<OutcomeRow> rows = new ArrayList<>(lines.size());
        Set<String> models = null;
        for (JsonLines.Line line : lines) {
            OutcomeRow row = row(name, line);
            if (models == null) {
                models = row.outcomes().keySet();
            } else if (!models.equals(row.outcomes().keySet())) {
                throw JsonLines.malformed(name, line.number(), "models " + row.outcomes().keySet()
                        + " differ from the first row's " + models);
            }
            rows.add(row);
        }
        return List.copyOf(rows);
    }

    private static OutcomeRow row(String name, JsonLines.Line line) {
        JsonNode node = line.node();
        JsonNode id = node.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw JsonLines.malformed(name, line.number(), "'id' must be a string");
        }
        JsonNode outcomes = node.get("outcomes");
        if (outcomes == null || !outcomes.isObject() || outcomes.isEmpty()) {
            throw JsonLines.malformed(name, line.number(), "'outcomes' must be a non-empty object");
        }
        Map<String, OutcomeRow.Outcome> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = outcomes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            parsed.put(e.getKey(), outcome(e.getKey(), e.getValue(), name, line.number()));
        }
        JsonNode task = node.get("task");
        JsonNode prompt = node.get("prompt");
        return new OutcomeRow(id.asText(), task == null ? "" : task.asText(),
                prompt == null || prompt.isNull() ? "" : prompt.asText(), parsed);
    }

    private static OutcomeRow.Outcome outcome(String model, JsonNode o, String name, int line) {
        if (!o.isObject()) {
            throw JsonLines.malformed(name, line, "outcome of " + model + " must be an object");
        }
        double score = JsonLines.number(o, "score", name, line);
        if (!(score >= 0 && score <= 1)) {
            throw JsonLines.malformed(name, line, "score of " + model + " must be in [0, 1], got " + score);
        }
        JsonNode cost = o.get("cost_usd");
        if (cost == null || cost.isNull()) {
            return new OutcomeRow.Outcome(score, null);
        }
        double usd = JsonLines.number(o, "cost_usd", name, line);
        if (!(usd >= 0) || Double.isInfinite(usd)) {
            throw JsonLines.malformed(name, line, "cost_usd of " + model + " must be >= 0, got " + usd);
        }
        return new OutcomeRow.Outcome(score, usd);
    }

    /** The rows narrowed to models {@code a} and {@code b}, which must both be in the file. */
    public static List<OutcomeRow> restrict(List<OutcomeRow> rows, String a, String b) {
        Set<String> models = rows.getFirst().outcomes().keySet();
        for (String m : List.of(a, b)) {
            if (!models.contains(m)) {
                throw new ReplayException("--two-models: no model '" + m + "' in the data (models: "
                        + String.join(", ", models) + ")");
            }
        }
        if (a.equals(b)) {
            throw new ReplayException("--two-models needs two different models, got " + a + " twice");
        }
        return rows.stream().map(r -> new OutcomeRow(r.id(), r.task(), r.prompt(),
                Map.of(a, r.outcomes().get(a), b, r.outcomes().get(b)))).toList();
    }
}
