package dev.arbiter.core.router;

import dev.arbiter.core.routing.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order a cascade tries models in, decided before any call: first the cheapest candidate meeting the lower
 * first-try bar (the most likely one when none does); then, each time, among the candidates strictly more likely
 * to succeed than the last one tried, the cheapest meeting the route's bar (the most likely when none does);
 * at most {@code maxTries} models. Pure.
 */
final class CascadePlan {
    private static final Comparator<Candidate> CHEAPEST = Comparator.comparingDouble(Candidate::expectedCostUsd)
            .thenComparing(Comparator.comparingDouble(Candidate::pSuccess).reversed())
            .thenComparing(Candidate::model);
    private static final Comparator<Candidate> LIKELIEST = Comparator.comparingDouble(Candidate::pSuccess).reversed()
            .thenComparingDouble(Candidate::expectedCostUsd)
            .thenComparing(Candidate::model);

    private CascadePlan() {
    }

    static List<Candidate> order(List<Candidate> candidates, double firstTryBar, double bar, int maxTries) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates to rank");
        }
        List<Candidate> plan = new ArrayList<>();
        Candidate current = pick(candidates, firstTryBar);
        while (current != null && plan.size() < maxTries) {
            plan.add(current);
            double p = current.pSuccess();
            current = pick(candidates.stream().filter(c -> c.pSuccess() > p).toList(), bar);
        }
        return plan;
    }

    /** The cheapest candidate meeting the bar, else the most likely; null when there is none. */
    private static Candidate pick(List<Candidate> pool, double bar) {
        return pool.stream().filter(c -> c.pSuccess() >= bar).min(CHEAPEST)
                .orElseGet(() -> pool.stream().min(LIKELIEST).orElse(null));
    }
}
