package dev.arbiter.core.routing.replay;

import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.RoutingPolicy;
import dev.arbiter.core.routing.policy.Policies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The settings a policy is swept over to trace its cost/quality frontier: the quality bar from 0 to 1 in steps of
 * {@value #BAR_STEP} for bar-driven policies, and for best-within-budget the cost cap at 21 evenly spaced
 * quantiles of the file's per-call costs (costs span orders of magnitude, so even steps in dollars would waste
 * most points).
 */
final class Sweep {
    static final double BAR_STEP = 0.05;
    private static final int STEPS = 20;

    private Sweep() {
    }

    static List<SweepPoint> run(ReplayTable t, RoutingPolicy policy, PolicySettings base) {
        List<SweepPoint> points = new ArrayList<>();
        if (policy.name().equals(Policies.BEST_WITHIN_BUDGET)) {
            for (double cap : costQuantiles(t)) {
                PolicySettings s = new PolicySettings(base.qualityBar(), cap);
                points.add(new SweepPoint("max-cost", cap, Metrics.summarise(policy.name(), t, Router.route(t, policy, s))));
            }
        } else {
            for (int i = 0; i <= STEPS; i++) {
                double bar = Math.min(1.0, i * BAR_STEP);
                PolicySettings s = new PolicySettings(bar, base.maxCostUsd());
                points.add(new SweepPoint("bar", bar, Metrics.summarise(policy.name(), t, Router.route(t, policy, s))));
            }
        }
        return List.copyOf(points);
    }

    private static double[] costQuantiles(ReplayTable t) {
        double[] all = Arrays.stream(t.cost).flatMapToDouble(Arrays::stream).sorted().toArray();
        double[] q = new double[STEPS + 1];
        for (int i = 0; i <= STEPS; i++) {
            q[i] = all[(int) Math.round((double) i / STEPS * (all.length - 1))];
        }
        return Arrays.stream(q).distinct().toArray();
    }
}
