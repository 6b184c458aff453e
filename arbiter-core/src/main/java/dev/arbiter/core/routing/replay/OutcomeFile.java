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
 * The one reader of outcome files ({"id","source"?,"task"?,"prompt","outcomes":{"model":{"score","cost_usd"?}}}
 * per line), in three strictnesses: {@link #read} for replay (every row lists the same models), {@link #readTraining}
 * for fitting (a prompt on every row, models may differ from row to row), {@link #readPrompts} for prediction (id
 * and prompt only; outcomes are neither read nor checked). Any problem is a one-line {@link ReplayException} naming
 * the file and line.
 */
public final class OutcomeFile {
    private enum Mode { REPLAY, TRAINING, PROMPTS }

    private OutcomeFile() {
    }

    /** Rows for replay: outcomes on every row, the same models on every row. */
    public static List<OutcomeRow> read(Path file) {
        return rows(file.getFileName().toString(), JsonLines.read(file), Mode.REPLAY);
    }

    public static List<OutcomeRow> parse(String name, List<String> lines) {
        return rows(name, JsonLines.parse(name, lines), Mode.REPLAY);
    }

    /** Rows for training: each needs a prompt; outcomes may be missing or name different models per row. */
    public static List<OutcomeRow> readTraining(Path file) {
        return rows(file.getFileName().toString(), JsonLines.read(file), Mode.TRAINING);
    }

    /** The training rows of several files, in order. */
    public static List<OutcomeRow> readTraining(List<Path> files) {
        List<OutcomeRow> rows = new ArrayList<>();
        for (Path file : files) {
            rows.addAll(readTraining(file));
        }
        return rows;
    }

    /** Rows with id and prompt only, for prediction: outcomes, present or not, are ignored. */
    public static List<OutcomeRow> readPrompts(Path file) {
        return rows(file.getFileName().toString(), JsonLines.read(file), Mode.PROMPTS);
    }

    private static List<OutcomeRow> rows(String name, List<JsonLines.Line> lines, Mode mode) {
        if (lines.isEmpty()) {
            throw new ReplayException("empty data file: " + name + " has no rows");
        }
        List<OutcomeRow> rows = new ArrayList<>(lines.size());
        Set<String> models = null;
        for (JsonLines.Line line : lines) {
            OutcomeRow row = row(name, line, mode);
            if (mode == Mode.REPLAY) {
                if (models == null) {
                    models = row.outcomes().keySet();
                } else if (!models.equals(row.outcomes().keySet())) {
                    throw JsonLines.malformed(name, line.number(), "models " + row.outcomes().keySet()
                            + " differ from the first row's " + models);
                }
            }
            rows.add(row);
        }
        return List.copyOf(rows);
    }

    private static OutcomeRow row(String name, JsonLines.Line line, Mode mode) {
        JsonNode node = line.node();
        JsonNode id = node.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw JsonLines.malformed(name, line.number(), "'id' must be a string");
        }
        JsonNode prompt = node.get("prompt");
        boolean hasPrompt = prompt != null && prompt.isTextual();
        if (mode != Mode.REPLAY && !hasPrompt) {
            throw JsonLines.malformed(name, line.number(), "'prompt' must be a string");
        }
        Map<String, OutcomeRow.Outcome> outcomes = mode == Mode.PROMPTS ? Map.of()
                : outcomes(node.get("outcomes"), mode == Mode.REPLAY, name, line.number());
        return new OutcomeRow(id.asText(), text(node, "source"), text(node, "task"),
                hasPrompt ? prompt.asText() : "", outcomes);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static Map<String, OutcomeRow.Outcome> outcomes(JsonNode outcomes, boolean required, String name, int line) {
        if (!required && (outcomes == null || outcomes.isNull())) {
            return Map.of();
        }
        if (outcomes == null || !outcomes.isObject() || (required && outcomes.isEmpty())) {
            throw JsonLines.malformed(name, line, "'outcomes' must be a non-empty object");
        }
        Map<String, OutcomeRow.Outcome> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = outcomes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            parsed.put(e.getKey(), outcome(e.getKey(), e.getValue(), name, line));
        }
        return parsed;
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
        return rows.stream().map(r -> new OutcomeRow(r.id(), r.source(), r.task(), r.prompt(),
                Map.of(a, r.outcomes().get(a), b, r.outcomes().get(b)))).toList();
    }
}
