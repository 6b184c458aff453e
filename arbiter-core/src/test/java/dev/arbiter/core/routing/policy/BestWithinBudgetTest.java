package dev.arbiter.core.routing.policy;

import static dev.arbiter.core.routing.policy.Snapshots.candidate;
import static dev.arbiter.core.routing.policy.Snapshots.models;
import static dev.arbiter.core.routing.policy.Snapshots.withCap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.routing.Ranking;
import org.junit.jupiter.api.Test;

class BestWithinBudgetTest {
    private final BestWithinBudget policy = new BestWithinBudget();

    @Test
    void choosesTheMostLikelyCandidateWhoseCostFitsTheCap() {
        Ranking r = policy.rank(withCap(0.005,
                candidate("big", 0.95, 0.010),
                candidate("mid", 0.85, 0.002),
                candidate("small", 0.60, 0.0001)));

        assertThat(r.chosen().model()).isEqualTo("mid");
        assertThat(r.reason()).isEqualTo("most likely within $0.005: mid (p=0.85, $0.002)");
    }

    @Test
    void aCandidateCostingExactlyTheCapFitsIt() {
        Ranking r = policy.rank(withCap(0.01, candidate("big", 0.95, 0.010), candidate("mid", 0.85, 0.002)));

        assertThat(r.chosen().model()).isEqualTo("big");
    }

    @Test
    void choosesTheCheapestCandidateWhenNoneIsAffordable() {
        Ranking r = policy.rank(withCap(0.00001,
                candidate("big", 0.95, 0.010),
                candidate("small", 0.60, 0.0001),
                candidate("mid", 0.85, 0.002)));

        assertThat(models(r.ranked())).containsExactly("small", "mid", "big");
        assertThat(r.reason()).startsWith("none within $0.00001; cheapest: small");
    }

    @Test
    void choosesTheMostLikelyCandidateWhenThereIsNoCap() {
        Ranking r = policy.rank(withCap(null,
                candidate("mid", 0.85, 0.002),
                candidate("big", 0.95, 0.010)));

        assertThat(r.chosen().model()).isEqualTo("big");
        assertThat(r.reason()).startsWith("no cost cap");
    }

    @Test
    void ranksAffordableCandidatesMostLikelyFirstThenTheRestCheapestFirst() {
        Ranking r = policy.rank(withCap(0.003,
                candidate("a", 0.95, 0.010),
                candidate("b", 0.60, 0.0001),
                candidate("c", 0.85, 0.002),
                candidate("d", 0.97, 0.020)));

        assertThat(models(r.ranked())).containsExactly("c", "b", "a", "d");
    }

    @Test
    void breaksPSuccessTiesByCostThenByName() {
        Ranking r = policy.rank(withCap(null,
                candidate("zeta", 0.9, 0.001),
                candidate("beta", 0.9, 0.001),
                candidate("alpha", 0.9, 0.002)));

        assertThat(models(r.ranked())).containsExactly("beta", "zeta", "alpha");
    }
}
