package dev.arbiter.core.reliability;

import java.util.List;
import java.util.random.RandomGenerator;

/** Picks one deployment among those that can take a call now (never empty). Pure apart from the random draws. */
interface Balancer {
    DeploymentState pick(List<DeploymentState> candidates, RandomGenerator random);

    static Balancer of(Balancing strategy) {
        return switch (strategy) {
            case WEIGHTED -> Balancer::weighted;
            case LEAST_BUSY -> Balancer::leastBusy;
            case LATENCY -> Balancer::powerOfTwoChoices;
        };
    }

    /** Random in proportion to weight. */
    static DeploymentState weighted(List<DeploymentState> candidates, RandomGenerator random) {
        if (candidates.size() == 1) {
            return candidates.getFirst();
        }
        long total = 0;
        for (DeploymentState s : candidates) {
            total += s.deployment().weight();
        }
        long draw = random.nextLong(total);
        for (DeploymentState s : candidates) {
            draw -= s.deployment().weight();
            if (draw < 0) {
                return s;
            }
        }
        return candidates.getLast();
    }

    /** Fewest calls in flight per unit of weight; ties drawn by weight. */
    static DeploymentState leastBusy(List<DeploymentState> candidates, RandomGenerator random) {
        double best = Double.MAX_VALUE;
        List<DeploymentState> tied = new java.util.ArrayList<>();
        for (DeploymentState s : candidates) {
            double load = (double) s.inFlight() / s.deployment().weight();
            if (load < best) {
                best = load;
                tied.clear();
            }
            if (load == best) {
                tied.add(s);
            }
        }
        return weighted(tied, random);
    }

    /**
     * Power of two choices over latency: two distinct deployments drawn by weight, the one with the lower
     * EWMA × (in flight + 1) wins. An unmeasured deployment scores zero and so gets measured.
     */
    static DeploymentState powerOfTwoChoices(List<DeploymentState> candidates, RandomGenerator random) {
        if (candidates.size() == 1) {
            return candidates.getFirst();
        }
        DeploymentState a = weighted(candidates, random);
        List<DeploymentState> rest = new java.util.ArrayList<>(candidates);
        rest.remove(a);
        DeploymentState b = weighted(rest, random);
        return score(b) < score(a) ? b : a;
    }

    private static double score(DeploymentState s) {
        return s.latency().nanos() * (s.inFlight() + 1);
    }
}
