package dev.arbiter.core.router;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.FilteredModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost cap as a soft filter: candidates expected to cost more than the cap are removed (and listed with why)
 * as long as at least one candidate fits; when none fits, all stay and the policy decides (estimates are rough,
 * so a cap never turns a servable request into an error).
 */
final class BudgetCut {
    private BudgetCut() {
    }

    static List<Candidate> apply(List<Candidate> candidates, Double cap, List<FilteredModel> removed) {
        if (cap == null) {
            return candidates;
        }
        List<Candidate> within = new ArrayList<>();
        List<FilteredModel> over = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.expectedCostUsd() <= cap) {
                within.add(c);
            } else {
                over.add(new FilteredModel(c.model(), "budget", "expected " + DecisionHeader.usd(c.expectedCostUsd())
                        + " > cap " + DecisionHeader.usd(cap)));
            }
        }
        if (within.isEmpty()) {
            return candidates;
        }
        removed.addAll(over);
        return within;
    }
}
