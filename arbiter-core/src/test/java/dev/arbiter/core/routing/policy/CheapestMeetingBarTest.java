package dev.arbiter.core.routing.policy;

import static dev.arbiter.core.routing.policy.Snapshots.candidate;
import static dev.arbiter.core.routing.policy.Snapshots.models;
import static dev.arbiter.core.routing.policy.Snapshots.withBar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.routing.Ranking;
import org.junit.jupiter.api.Test;

class CheapestMeetingBarTest {
    private final CheapestMeetingBar policy = new CheapestMeetingBar();

    @Test
    void choosesTheCheapestCandidateThatMeetsTheBar() {
        Ranking r = policy.rank(withBar(0.8,
                candidate("big", 0.95, 0.010),
                candidate("mid", 0.85, 0.002),
                candidate("small", 0.60, 0.0001)));

        assertThat(r.chosen().model()).isEqualTo("mid");
    }

    @Test
    void aCandidateExactlyAtTheBarMeetsIt() {
        Ranking r = policy.rank(withBar(0.8, candidate("big", 0.95, 0.010), candidate("mid", 0.80, 0.002)));

        assertThat(r.chosen().model()).isEqualTo("mid");
    }

    @Test
    void choosesTheMostLikelyCandidateWhenNoneMeetsTheBar() {
        Ranking r = policy.rank(withBar(0.99,
                candidate("big", 0.95, 0.010),
                candidate("mid", 0.85, 0.002)));

        assertThat(r.chosen().model()).isEqualTo("big");
        assertThat(r.reason()).startsWith("none meets bar 0.99");
    }

    @Test
    void ranksTheOtherCandidatesMeetingTheBarCheapestFirstThenTheRestMostLikelyFirst() {
        Ranking r = policy.rank(withBar(0.7,
                candidate("a-top", 0.95, 0.010),
                candidate("b-weak", 0.40, 0.0001),
                candidate("c-ok", 0.75, 0.001),
                candidate("d-fair", 0.65, 0.0005),
                candidate("e-good", 0.85, 0.003)));

        assertThat(models(r.ranked())).containsExactly("c-ok", "e-good", "a-top", "d-fair", "b-weak");
    }

    @Test
    void breaksCostTiesByTheLikelierCandidateThenByName() {
        Ranking r = policy.rank(withBar(0.5,
                candidate("zeta", 0.7, 0.001),
                candidate("beta", 0.7, 0.001),
                candidate("alpha", 0.6, 0.001)));

        assertThat(models(r.ranked())).containsExactly("beta", "zeta", "alpha");
    }

    @Test
    void breaksPSuccessTiesBelowTheBarByCostThenByName() {
        Ranking r = policy.rank(withBar(0.9,
                candidate("zeta", 0.7, 0.001),
                candidate("beta", 0.7, 0.001),
                candidate("alpha", 0.7, 0.002)));

        assertThat(models(r.ranked())).containsExactly("beta", "zeta", "alpha");
    }

    @Test
    void theReasonNamesTheBarTheChosenPSuccessAndItsCost() {
        Ranking r = policy.rank(withBar(0.8, candidate("mid", 0.853, 0.0021234), candidate("big", 0.95, 0.01)));

        assertThat(r.reason()).isEqualTo("cheapest meeting bar 0.80: mid (p=0.85, $0.00212)");
    }

    @Test
    void aBarOfZeroChoosesTheCheapestCandidate() {
        Ranking r = policy.rank(withBar(0.0, candidate("big", 0.95, 0.01), candidate("tiny", 0.05, 0.00001)));

        assertThat(r.chosen().model()).isEqualTo("tiny");
    }

    @Test
    void refusesAnEmptyCandidateList() {
        assertThatThrownBy(() -> policy.rank(withBar(0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no candidates");
    }
}
