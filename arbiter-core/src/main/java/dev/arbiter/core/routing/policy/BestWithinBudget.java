package dev.arbiter.core.routing.policy;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.Ranking;
import dev.arbiter.core.routing.RoutingInput;
import dev.arbiter.core.routing.RoutingPolicy;
import java.util.List;

/**
 * Chooses the candidate most likely to succeed among those whose expected cost fits the per-request cap; when
 * none fits, the cheapest; with no cap, simply the most likely. Fallbacks: the other affordable candidates, most
 * likely first, then the unaffordable ones, cheapest first.
 *
 * <p>Options: none (the bar and the cost cap come from the route, task type and request headers).
 */
final class BestWithinBudget implements RoutingPolicy {
    static final String NAME = "best-within-budget";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Ranking rank(RoutingInput input) {
        Candidates.requireSome(input);
        Double cap = input.settings().maxCostUsd();
        Candidates.Split split = Candidates.split(input.candidates(), c -> cap == null || c.expectedCostUsd() <= cap,
                Candidates.MOST_LIKELY, Candidates.CHEAPEST_THEN_LIKELIEST);
        List<Candidate> affordable = split.passing();
        List<Candidate> ranked = split.ranked();
        Candidate chosen = ranked.getFirst();
        String reason;
        if (cap == null) {
            reason = "no cost cap; most likely: " + Candidates.describe(chosen);
        } else if (affordable.isEmpty()) {
            reason = "none within " + Candidates.usd(cap) + "; cheapest: " + Candidates.describe(chosen);
        } else {
            reason = "most likely within " + Candidates.usd(cap) + ": " + Candidates.describe(chosen);
        }
        return new Ranking(ranked, reason);
    }
}
