package dev.arbiter.core.routing.policy;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.Ranking;
import dev.arbiter.core.routing.RoutingInput;
import dev.arbiter.core.routing.RoutingPolicy;
import java.util.List;

/**
 * Chooses the fastest candidate (lowest expected latency, as the router fills it from live statistics) among
 * those meeting the quality bar. Candidates with unknown latency (NaN) rank after every known one; ties go to
 * the cheaper, then the likelier. The rest follow as fallbacks: the others meeting the bar, fastest first, then
 * the ones below it, fastest first too.
 *
 * <p>When no candidate meets the bar, this policy does not fall back to "most likely" as cheapest-meeting-bar
 * does: it ranks everything by latency anyway and says so in the reason. Whoever picks {@code lowest-latency}
 * (like users of LiteLLM's latency-based routing) asked for speed first; the bar only decides who goes first
 * among equals in speed. With no latency data at all the order degenerates to cheapest-meeting-bar's.
 *
 * <p>Options: none.
 */
final class LowestLatency implements RoutingPolicy {
    static final String NAME = "lowest-latency";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Ranking rank(RoutingInput input) {
        Candidates.requireSome(input);
        double bar = input.settings().qualityBar();
        Candidates.Split split = Candidates.split(input.candidates(), c -> c.pSuccess() >= bar,
                Candidates.FASTEST, Candidates.FASTEST);
        List<Candidate> meeting = split.passing();
        List<Candidate> ranked = split.ranked();
        return new Ranking(ranked, reason(meeting.isEmpty(), bar, ranked.getFirst()));
    }

    private static String reason(boolean noneMeets, double bar, Candidate chosen) {
        boolean known = !Double.isNaN(chosen.expectedLatencyMs());
        String pick = known ? "fastest" : "no latency data; cheapest";
        String scope = noneMeets ? "none meets bar " + Candidates.p(bar) + "; " + pick : pick + " meeting bar " + Candidates.p(bar);
        return scope + ": " + Candidates.describeWithLatency(chosen);
    }
}
