package dev.arbiter.core.routing.policy;

import static dev.arbiter.core.routing.policy.Snapshots.candidate;
import static dev.arbiter.core.routing.policy.Snapshots.input;
import static dev.arbiter.core.routing.policy.Snapshots.models;
import static dev.arbiter.core.routing.policy.Snapshots.user;
import static dev.arbiter.core.routing.policy.Yaml.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.Ranking;
import dev.arbiter.core.routing.RoutingContext;
import dev.arbiter.core.routing.RoutingPolicy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedTest {
    private static final int USERS = 10_000;
    private static final Candidate A = candidate("model-a", 0.9, 0.010);
    private static final Candidate B = candidate("model-b", 0.8, 0.002);
    private static final Candidate C = candidate("model-c", 0.7, 0.001);
    private static final Candidate OTHER = candidate("other", 0.95, 0.020);

    private final RoutingPolicy ninetyTen = policy("weighted", "weights: {model-a: 90, model-b: 10}");

    @Test
    void sendsAUserToTheSameArmEveryTimeWhateverTheCandidateOrder() {
        for (int i = 0; i < 200; i++) {
            String u = "user-" + i;
            String first = chosen(ninetyTen, user("support", u), A, B);
            assertThat(chosen(ninetyTen, user("support", u), B, A)).isEqualTo(first);
            assertThat(chosen(policy("weighted", "weights: {model-a: 90, model-b: 10}"), user("support", u), A, B))
                    .isEqualTo(first);
        }
    }

    @Test
    void splitsTenThousandUsersNinetyToTenWithinSamplingError() {
        Map<String, Integer> counts = split(ninetyTen, "support", A, B);

        // sd of a 10% share over 10,000 draws is 30; 4 sd keeps the test honest and never flaky
        assertThat(counts.get("model-b")).isBetween(1000 - 120, 1000 + 120);
    }

    @Test
    void splitsThreeArmsInProportionToTheirWeightsWhichNeedNotSumToAHundred() {
        Map<String, Integer> counts = split(policy("weighted", "weights: {model-a: 5, model-b: 3, model-c: 2}"),
                "r", A, B, C);

        assertThat(counts.get("model-a")).isBetween(5000 - 200, 5000 + 200);
        assertThat(counts.get("model-b")).isBetween(3000 - 185, 3000 + 185);
        assertThat(counts.get("model-c")).isBetween(2000 - 160, 2000 + 160);
    }

    @Test
    void skipsAnArmThatIsNotACandidateSpreadingItsShareAndMovingOnlyItsOwnUsers() {
        RoutingPolicy three = policy("weighted", "weights: {model-a: 50, model-b: 30, model-c: 20}");
        int moved = 0;
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < USERS; i++) {
            RoutingContext ctx = user("r", "user-" + i);
            String before = chosen(three, ctx, A, B, C);
            String after = chosen(three, ctx, A, B);
            counts.merge(after, 1, Integer::sum);
            if (!before.equals("model-c") && !before.equals(after)) {
                moved++;
            }
        }

        assertThat(moved).isZero();
        assertThat(counts.get("model-a")).isBetween(6250 - 200, 6250 + 200);
        assertThat(counts.get("model-b")).isBetween(3750 - 200, 3750 + 200);
    }

    @Test
    void raisingACanaryWeightOnlyMovesUsersOntoTheCanary() {
        RoutingPolicy five = policy("weighted", "weights: {model-a: 95, model-b: 5}");
        RoutingPolicy twenty = policy("weighted", "weights: {model-a: 80, model-b: 20}");
        for (int i = 0; i < 2000; i++) {
            RoutingContext ctx = user("r", "user-" + i);
            if (chosen(five, ctx, A, B).equals("model-b")) {
                assertThat(chosen(twenty, ctx, A, B)).isEqualTo("model-b");
            }
        }
    }

    @Test
    void splitsTheSameUsersIndependentlyOnAnotherRoute() {
        RoutingPolicy even = policy("weighted", "weights: {model-a: 1, model-b: 1}");
        int differ = 0;
        for (int i = 0; i < USERS; i++) {
            RoutingContext one = user("route-one", "user-" + i);
            RoutingContext two = user("route-two", "user-" + i);
            differ += chosen(even, one, A, B).equals(chosen(even, two, A, B)) ? 0 : 1;
        }

        assertThat(differ).isBetween(5000 - 200, 5000 + 200); // independent 50/50 splits disagree half the time
    }

    @Test
    void aSaltReshufflesWhoLandsWhere() {
        RoutingPolicy salted = policy("weighted", "{weights: {model-a: 1, model-b: 1}, salt: experiment-2}");
        RoutingPolicy plain = policy("weighted", "weights: {model-a: 1, model-b: 1}");
        int differ = 0;
        for (int i = 0; i < 1000; i++) {
            differ += chosen(salted, user("r", "u" + i), A, B).equals(chosen(plain, user("r", "u" + i), A, B)) ? 0 : 1;
        }

        assertThat(differ).isBetween(400, 600);
    }

    @Test
    void followsTheChosenArmWithTheOtherArmsThenTheRemainingCandidatesMostLikelyFirst() {
        RoutingPolicy three = policy("weighted", "weights: {model-a: 1, model-b: 1, model-c: 1}");
        Ranking r = three.rank(input(user("r", "user-7"), C, OTHER, A, candidate("weak", 0.1, 0.0), B));

        assertThat(models(r.ranked()).subList(0, 3)).containsExactlyInAnyOrder("model-a", "model-b", "model-c");
        assertThat(models(r.ranked()).subList(3, 5)).containsExactly("other", "weak");
    }

    @Test
    void neverDrawsAZeroWeightArmButKeepsItAsAFallback() {
        RoutingPolicy off = policy("weighted", "weights: {model-a: 100, model-b: 0}");
        for (int i = 0; i < 1000; i++) {
            Ranking r = off.rank(input(user("r", "u" + i), B, OTHER, A));
            assertThat(models(r.ranked())).containsExactly("model-a", "model-b", "other");
        }
    }

    @Test
    void choosesTheMostLikelyCandidateWhenNoWeightedArmIsACandidate() {
        Ranking r = ninetyTen.rank(input(user("r", "u1"), C, OTHER));

        assertThat(models(r.ranked())).containsExactly("other", "model-c");
        assertThat(r.reason()).isEqualTo("no weighted arm is a candidate; unavailable: model-a, model-b;"
                + " most likely: other (p=0.95, $0.02)");
    }

    @Test
    void theReasonNamesTheArmItsWeightAndWhatTheSplitWasKeyedBy() {
        RoutingPolicy onlyB = policy("weighted", "weights: {model-a: 0, model-b: 10}");

        assertThat(onlyB.rank(input(user("r", "u1"), A, B)).reason())
                .isEqualTo("weighted arm model-b (weight 10 of 10, keyed by user)");
        assertThat(onlyB.rank(input(new RoutingContext("r", null, "req-1", Map.of(), Map.of()), B)).reason())
                .isEqualTo("weighted arm model-b (weight 10 of 10, keyed by request id); unavailable: model-a");
    }

    @Test
    void withoutUserOrRequestIdTheSplitIsKeyedByThePromptSoReplayIsRepeatable() {
        Ranking first = ninetyTen.rank(input(RoutingContext.NONE, A, B));
        Ranking again = ninetyTen.rank(input(RoutingContext.NONE, B, A));

        assertThat(first.chosen()).isEqualTo(again.chosen());
        assertThat(first.reason()).contains("keyed by prompt");
    }

    @Test
    void theHashSeparatesPartsSoShiftedBoundariesDiffer() {
        assertThat(StableHash.hash("ab", "c")).isNotEqualTo(StableHash.hash("a", "bc"));
        assertThat(StableHash.hash("user-1", "r")).isEqualTo(StableHash.hash("user-1", "r"));
    }

    private static String chosen(RoutingPolicy policy, RoutingContext ctx, Candidate... candidates) {
        return policy.rank(input(ctx, candidates)).chosen().model();
    }

    private static Map<String, Integer> split(RoutingPolicy policy, String route, Candidate... candidates) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < USERS; i++) {
            counts.merge(chosen(policy, user(route, "user-" + i), candidates), 1, Integer::sum);
        }
        return counts;
    }
}
