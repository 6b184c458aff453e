package dev.arbiter.core.routing.quality;

import java.util.Map;

/**
 * One line of an outcome file: the request's id, where it came from, its task label, the prompt, and each
 * model's score in [0, 1] (empty when the row carries no outcomes, as rows given to {@code predict} may).
 */
public record OutcomeRow(String id, String source, String task, String prompt, Map<String, Double> scores) {
    public OutcomeRow {
        scores = Map.copyOf(scores);
    }
}
