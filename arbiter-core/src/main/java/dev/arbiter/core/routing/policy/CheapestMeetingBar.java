package dev.arbiter.core.routing.policy;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.Ranking;
import dev.arbiter.core.routing.RoutingInput;
import dev.arbiter.core.routing.RoutingPolicy;
import java.util.List;

/**
 * Chooses the cheapest candidate whose pSuccess meets the quality bar; when none does, the one most likely to
 * succeed. The rest follow by the same rule as fallbacks: every other candidate that meets the bar, cheapest
 * first, then the ones below it, most likely first.
 *
 * <p>Options: none (the bar and the cost cap come from the route, task type and request headers).
 */
final class CheapestMeetingBar implements RoutingPolicy {
    static final String NAME = "cheapest-meeting-bar";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Ranking rank(RoutingInput input) {
        Candidates.requireSome(input);
        double bar = input.settings().qualityBar();
        Candidates.Split split = Candidates.split(input.candidates(), c -> c.pSuccess() >= bar,
                Candidates.CHEAPEST_THEN_LIKELIEST, Candidates.MOST_LIKELY);
        List<Candidate> meeting = split.passing();
        List<Candidate> ranked = split.ranked();
        Candidate chosen = ranked.getFirst();
        String reason = meeting.isEmpty()
                ? "none meets bar " + Candidates.p(bar) + "; most likely: " + Candidates.describe(chosen)
                : "cheapest meeting bar " + Candidates.p(bar) + ": " + Candidates.describe(chosen);
        return new Ranking(ranked, reason);
    }
}
