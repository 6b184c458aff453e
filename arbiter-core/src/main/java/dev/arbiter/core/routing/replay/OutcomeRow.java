package dev.arbiter.core.routing.replay;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of an outcome file: where it came from, its task label, a prompt and, per model, how well that model
 * answered it (score in [0, 1]) and what the answer cost when the source recorded it. Outcomes are kept in
 * model-name order; they are empty for prompt-only rows (as {@code arbiter router predict} reads them).
 */
public record OutcomeRow(String id, String source, String task, String prompt, Map<String, Outcome> outcomes) {
    public OutcomeRow {
        source = source == null ? "" : source;
        task = task == null ? "" : task;
        prompt = prompt == null ? "" : prompt;
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(outcomes)));
    }

    /** A row without a source label. */
    public OutcomeRow(String id, String task, String prompt, Map<String, Outcome> outcomes) {
        this(id, "", task, prompt, outcomes);
    }

    /** A row from scores alone (no costs), as training code and tests build them. */
    public static OutcomeRow ofScores(String id, String source, String task, String prompt, Map<String, Double> scores) {
        Map<String, Outcome> outcomes = new TreeMap<>();
        scores.forEach((m, s) -> outcomes.put(m, new Outcome(s, null)));
        return new OutcomeRow(id, source, task, prompt, outcomes);
    }

    /** Each model's score, in model-name order. */
    public Map<String, Double> scores() {
        Map<String, Double> scores = new LinkedHashMap<>();
        outcomes.forEach((m, o) -> scores.put(m, o.score()));
        return Collections.unmodifiableMap(scores);
    }

    /** A model's result on the row; {@code costUsd} is null when the source did not record it. */
    public record Outcome(double score, Double costUsd) {
    }
}
