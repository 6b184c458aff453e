package dev.arbiter.core.routing.replay;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of an outcome file: a prompt and, per model, how well that model answered it (score in [0, 1]) and
 * what the answer cost when the source recorded it. Outcomes are kept in model-name order.
 */
public record OutcomeRow(String id, String task, String prompt, Map<String, Outcome> outcomes) {
    public OutcomeRow {
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(outcomes)));
    }

    /** A model's result on the row; {@code costUsd} is null when the source did not record it. */
    public record Outcome(double score, Double costUsd) {
    }
}
