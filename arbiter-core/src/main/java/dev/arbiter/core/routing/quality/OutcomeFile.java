package dev.arbiter.core.routing.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads outcome files (JSON Lines, one {@code {"id","source"?,"task"?,"prompt","outcomes"?}} per line), failing
 * with a one-line {@link QualityInputException} that names the file and line on any problem.
 */
public final class OutcomeFile {
    private OutcomeFile() {
    }

    /** All rows of one file; blank lines are skipped, a file without rows is an error. */
    public static List<OutcomeRow> read(Path file) {
        return read(file, true);
    }

    /** Rows with id and prompt only: outcomes, present or not, are neither read nor checked (for predict). */
    public static List<OutcomeRow> readPrompts(Path file) {
        return read(file, false);
    }

    private static List<OutcomeRow> read(Path file, boolean withOutcomes) {
        List<OutcomeRow> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    rows.add(parse(file, number, line, withOutcomes));
                }
            }
        } catch (NoSuchFileException e) {
            throw new QualityInputException("no such file: " + file);
        } catch (IOException e) {
            throw new QualityInputException("cannot read " + file + ": " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new QualityInputException("empty data file: " + file);
        }
        return rows;
    }

    /** The rows of several files, in order. */
    public static List<OutcomeRow> readAll(List<Path> files) {
        List<OutcomeRow> rows = new ArrayList<>();
        for (Path file : files) {
            rows.addAll(read(file));
        }
        return rows;
    }

    private static OutcomeRow parse(Path file, int number, String line, boolean withOutcomes) {
        String where = file.getFileName() + " line " + number;
        JsonNode node;
        try {
            node = Json.parse(line.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new QualityInputException("malformed JSON in " + where + ": " + Json.syntaxProblem(e));
        }
        if (!node.isObject()) {
            throw new QualityInputException("malformed row in " + where + ": expected a JSON object");
        }
        JsonNode id = node.get("id");
        JsonNode prompt = node.get("prompt");
        if (id == null || !(id.isTextual() || id.isNumber())) {
            throw new QualityInputException("malformed row in " + where + ": missing \"id\"");
        }
        if (prompt == null || !prompt.isTextual()) {
            throw new QualityInputException("malformed row in " + where + ": missing string \"prompt\"");
        }
        return new OutcomeRow(id.asText(), text(node, "source"), text(node, "task"), prompt.asText(),
                withOutcomes ? scores(node.get("outcomes"), where) : Map.of());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static Map<String, Double> scores(JsonNode outcomes, String where) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (outcomes == null || outcomes.isNull()) {
            return scores;
        }
        if (!outcomes.isObject()) {
            throw new QualityInputException("malformed row in " + where + ": \"outcomes\" must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = outcomes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode score = e.getValue().isObject() ? e.getValue().get("score") : e.getValue();
            if (score == null || !score.isNumber() || !(score.asDouble() >= 0 && score.asDouble() <= 1)) {
                throw new QualityInputException("malformed row in " + where + ": score of \"" + e.getKey()
                        + "\" must be a number in [0, 1]");
            }
            scores.put(e.getKey(), score.asDouble());
        }
        return scores;
    }
}
