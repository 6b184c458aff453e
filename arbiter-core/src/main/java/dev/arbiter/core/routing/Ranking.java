package dev.arbiter.core.routing;

import java.util.List;

/** A policy's answer: candidates best-first (the first is chosen, the rest are fallbacks) and a one-line reason. */
public record Ranking(List<Candidate> ranked, String reason) {
    public Ranking {
        ranked = List.copyOf(ranked);
    }

    public Candidate chosen() {
        return ranked.getFirst();
    }
}
