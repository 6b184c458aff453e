package dev.arbiter.core.routing.replay;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.RoutingInput;
import dev.arbiter.core.routing.RoutingPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a policy over every row of a table, exactly as the gateway would decide, and returns its choices. */
final class Router {
    private Router() {
    }

    static int[] route(ReplayTable t, RoutingPolicy policy, PolicySettings settings) {
        if (t.p == null) {
            throw new IllegalStateException("no pSuccess in the replay table");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int m = 0; m < t.modelCount(); m++) {
            index.put(t.models.get(m), m);
        }
        int[] choice = new int[t.rows()];
        for (int r = 0; r < t.rows(); r++) {
            List<Candidate> candidates = new ArrayList<>(t.modelCount());
            for (int m = 0; m < t.modelCount(); m++) {
                candidates.add(new Candidate(t.models.get(m), t.p[r][m], t.cost[r][m], Double.NaN));
            }
            String chosen = policy.rank(new RoutingInput(t.features.get(r), candidates, settings)).chosen().model();
            choice[r] = index.get(chosen);
        }
        return choice;
    }
}
