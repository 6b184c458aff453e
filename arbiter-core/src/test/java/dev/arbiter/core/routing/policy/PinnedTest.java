package dev.arbiter.core.routing.policy;

import static dev.arbiter.core.routing.policy.Snapshots.candidate;
import static dev.arbiter.core.routing.policy.Snapshots.models;
import static dev.arbiter.core.routing.policy.Snapshots.withBar;
import static dev.arbiter.core.routing.policy.Yaml.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.routing.Ranking;
import dev.arbiter.core.routing.RoutingPolicy;
import org.junit.jupiter.api.Test;

class PinnedTest {
    private final RoutingPolicy alone = policy("pinned", "model: mid");
    private final RoutingPolicy withFallbacks = policy("pinned", "{model: mid, fallbacks: true}");

    @Test
    void choosesThePinnedModelAloneByDefault() {
        Ranking r = alone.rank(withBar(0.9,
                candidate("big", 0.95, 0.010),
                candidate("mid", 0.60, 0.002)));

        assertThat(models(r.ranked())).containsExactly("mid");
        assertThat(r.reason()).isEqualTo("pinned: mid (p=0.60, $0.002)");
    }

    @Test
    void withFallbacksTheOtherCandidatesFollowMostLikelyFirst() {
        Ranking r = withFallbacks.rank(withBar(0.9,
                candidate("small", 0.50, 0.0001),
                candidate("mid", 0.60, 0.002),
                candidate("big", 0.95, 0.010)));

        assertThat(models(r.ranked())).containsExactly("mid", "big", "small");
        assertThat(r.reason()).endsWith("; fallbacks most likely first");
    }

    @Test
    void withFallbacksAFilteredOutPinnedModelYieldsToTheMostLikelyCandidate() {
        Ranking r = withFallbacks.rank(withBar(0.9,
                candidate("small", 0.50, 0.0001),
                candidate("big", 0.95, 0.010)));

        assertThat(models(r.ranked())).containsExactly("big", "small");
        assertThat(r.reason()).isEqualTo("pinned mid is not a candidate; most likely: big (p=0.95, $0.01)");
    }

    @Test
    void withoutFallbacksAFilteredOutPinnedModelFailsAsUnavailable() {
        assertThatThrownBy(() -> alone.rank(withBar(0.9, candidate("big", 0.95, 0.010))))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE);
                    assertThat(e.code()).isEqualTo("pinned_model_unavailable");
                    assertThat(e.getMessage()).contains("pinned to model 'mid'").contains("fallbacks are off");
                });
    }

    @Test
    void fallbacksMayBeGivenAsText() {
        Ranking r = policy("pinned", "{model: mid, fallbacks: 'true'}").rank(withBar(0.5,
                candidate("mid", 0.60, 0.002), candidate("big", 0.95, 0.010)));

        assertThat(models(r.ranked())).containsExactly("mid", "big");
    }
}
