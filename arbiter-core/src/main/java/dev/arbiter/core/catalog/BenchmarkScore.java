package dev.arbiter.core.catalog;

import java.util.List;

/**
 * A published benchmark result for a model as a fraction in [0, 1], with where it came from. When sources
 * disagree, {@code value} is the default Arbiter uses and {@code alternatives} keeps the others.
 */
public record BenchmarkScore(double value, String source, List<Alternative> alternatives) {
    public BenchmarkScore {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** Another reported value for the same benchmark and its source. */
    public record Alternative(double value, String source) {
    }
}
