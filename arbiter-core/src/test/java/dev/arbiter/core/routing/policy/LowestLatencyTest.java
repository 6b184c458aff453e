package dev.arbiter.core.routing.policy;

import static dev.arbiter.core.routing.policy.Snapshots.candidate;
import static dev.arbiter.core.routing.policy.Snapshots.models;
import static dev.arbiter.core.routing.policy.Snapshots.withBar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.routing.Ranking;
import org.junit.jupiter.api.Test;

class LowestLatencyTest {
    private static final double NAN = Double.NaN;
    private final LowestLatency policy = new LowestLatency();

    @Test
    void choosesTheFastestCandidateThatMeetsTheBar() {
        Ranking r = policy.rank(withBar(0.8,
                candidate("slow-good", 0.95, 0.010, 2400),
                candidate("fast-good", 0.85, 0.002, 350),
                candidate("fastest-weak", 0.60, 0.0001, 120)));

        assertThat(r.chosen().model()).isEqualTo("fast-good");
        assertThat(r.reason()).isEqualTo("fastest meeting bar 0.80: fast-good (p=0.85, $0.002, 350 ms)");
    }

    @Test
    void ranksCandidatesWithUnknownLatencyAfterEveryKnownOne() {
        Ranking r = policy.rank(withBar(0.5,
                candidate("unknown-cheap", 0.9, 0.0001, NAN),
                candidate("slow", 0.9, 0.010, 9000),
                candidate("quick", 0.9, 0.010, 200)));

        assertThat(models(r.ranked())).containsExactly("quick", "slow", "unknown-cheap");
    }

    @Test
    void breaksLatencyTiesByCostThenByTheLikelierThenByName() {
        Ranking r = policy.rank(withBar(0.5,
                candidate("zeta", 0.9, 0.002, 300),
                candidate("beta", 0.8, 0.001, 300),
                candidate("alpha", 0.9, 0.001, 300),
                candidate("gamma", 0.9, 0.001, 300)));

        assertThat(models(r.ranked())).containsExactly("alpha", "gamma", "beta", "zeta");
    }

    @Test
    void ranksCandidatesBelowTheBarAfterThoseMeetingItFastestFirst() {
        Ranking r = policy.rank(withBar(0.8,
                candidate("weak-slow", 0.5, 0.001, 900),
                candidate("good-slow", 0.9, 0.001, 1500),
                candidate("weak-fast", 0.5, 0.001, 100),
                candidate("good-fast", 0.9, 0.001, 400)));

        assertThat(models(r.ranked())).containsExactly("good-fast", "good-slow", "weak-fast", "weak-slow");
    }

    @Test
    void ranksByLatencyAnywayAndSaysSoWhenNoneMeetsTheBar() {
        Ranking r = policy.rank(withBar(0.99,
                candidate("likely-slow", 0.95, 0.010, 3000),
                candidate("fast", 0.70, 0.002, 250)));

        assertThat(models(r.ranked())).containsExactly("fast", "likely-slow");
        assertThat(r.reason()).isEqualTo("none meets bar 0.99; fastest: fast (p=0.70, $0.002, 250 ms)");
    }

    @Test
    void choosesTheCheapestMeetingTheBarWhenNoLatencyIsKnown() {
        Ranking r = policy.rank(withBar(0.8,
                candidate("big", 0.95, 0.010, NAN),
                candidate("mid", 0.85, 0.002, NAN),
                candidate("small", 0.60, 0.0001, NAN)));

        assertThat(models(r.ranked())).containsExactly("mid", "big", "small");
        assertThat(r.reason()).isEqualTo("no latency data; cheapest meeting bar 0.80: mid (p=0.85, $0.002, latency unknown)");
    }

    @Test
    void isRegisteredWithoutOptions() {
        assertThat(Policies.byName("lowest-latency").name()).isEqualTo("lowest-latency");
    }
}
