package dev.arbiter.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.catalog.Deployment;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The three balancing strategies over a model's callable deployments. */
class BalancerTest {
    private final FakeTime time = new FakeTime();
    private final SplittableRandom random = new SplittableRandom(42);

    private DeploymentState state(String provider, int weight) {
        return new DeploymentState(new Deployment(provider, "m", weight, 0, null, null),
                new CircuitBreaker(BreakerSettings.DEFAULTS, time));
    }

    private static Map<String, Integer> tally(Balancer balancer, List<DeploymentState> candidates, SplittableRandom r, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(balancer.pick(candidates, r).deployment().provider(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void weightedSpreadsCallsInProportionToWeight() {
        List<DeploymentState> two = List.of(state("heavy", 3), state("light", 1));

        Map<String, Integer> counts = tally(Balancer.of(Balancing.WEIGHTED), two, random, 8000);

        assertThat(counts.get("heavy") / 8000.0).isBetween(0.72, 0.78);
    }

    @Test
    void leastBusyPicksTheDeploymentWithFewestCallsInFlightPerWeight() {
        DeploymentState a = state("a", 1);
        DeploymentState b = state("b", 2);
        a.tryTakeSlot();
        b.tryTakeSlot();
        b.tryTakeSlot();
        b.tryTakeSlot(); // a: 1/1, b: 3/2

        assertThat(Balancer.of(Balancing.LEAST_BUSY).pick(List.of(a, b), random)).isSameAs(a);
        a.tryTakeSlot(); // a: 2/1 > b: 3/2
        assertThat(Balancer.of(Balancing.LEAST_BUSY).pick(List.of(a, b), random)).isSameAs(b);
    }

    @Test
    void latencyAwarePrefersTheFasterOfTwoDrawsAndStillMeasuresAnUnmeasuredOne() {
        DeploymentState fast = state("fast", 1);
        DeploymentState slow = state("slow", 1);
        DeploymentState fresh = state("fresh", 1);
        fast.latency().add(Duration.ofMillis(100).toNanos());
        slow.latency().add(Duration.ofMillis(900).toNanos());

        Map<String, Integer> counts = tally(Balancer.of(Balancing.LATENCY), List.of(fast, slow), random, 1000);
        assertThat(counts.get("fast")).isEqualTo(1000);

        Map<String, Integer> withFresh = tally(Balancer.of(Balancing.LATENCY), List.of(fast, slow, fresh), random, 3000);
        assertThat(withFresh.get("fresh")).isGreaterThan(1500); // unmeasured scores zero: wins every draw it is in
        assertThat(withFresh.getOrDefault("slow", 0)).isZero();
    }

    @Test
    void latencyAwareWeighsLoadAgainstSpeed() {
        DeploymentState fast = state("fast", 1);
        DeploymentState slower = state("slower", 1);
        fast.latency().add(Duration.ofMillis(100).toNanos());
        slower.latency().add(Duration.ofMillis(250).toNanos());
        for (int i = 0; i < 3; i++) {
            fast.tryTakeSlot(); // 100 ms × 4 > 250 ms × 1
        }

        assertThat(Balancer.of(Balancing.LATENCY).pick(List.of(fast, slower), random)).isSameAs(slower);
    }

    @Test
    void theLatencyAverageFollowsRecentSamples() {
        Ewma ewma = new Ewma();
        ewma.add(1000);
        assertThat(ewma.nanos()).isEqualTo(1000);
        for (int i = 0; i < 30; i++) {
            ewma.add(2000);
        }
        assertThat(ewma.nanos()).isBetween(1999.0, 2000.0);
    }

    @Test
    void aCappedDeploymentHandsOutNoMoreSlotsThanItsCap() {
        DeploymentState capped = new DeploymentState(new Deployment("c", "m", 1, 2, null, null),
                new CircuitBreaker(BreakerSettings.DEFAULTS, time));
        assertThat(capped.tryTakeSlot()).isTrue();
        assertThat(capped.tryTakeSlot()).isTrue();
        assertThat(capped.tryTakeSlot()).isFalse();
        assertThat(capped.full()).isTrue();
        capped.releaseSlot();
        assertThat(capped.tryTakeSlot()).isTrue();
    }
}
