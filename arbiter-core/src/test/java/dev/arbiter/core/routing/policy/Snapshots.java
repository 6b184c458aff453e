package dev.arbiter.core.routing.policy;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.RoutingInput;
import dev.arbiter.core.routing.TaskType;
import java.util.List;
import java.util.Map;

/** Hand-built routing snapshots for policy tests. */
final class Snapshots {
    static final RequestFeatures CHAT = new RequestFeatures(TaskType.CHAT, Map.of(TaskType.CHAT, 1.0), "en",
            12, 0, false, false, false, "hello");

    private Snapshots() {
    }

    static Candidate candidate(String model, double p, double cost) {
        return new Candidate(model, p, cost, Double.NaN);
    }

    static RoutingInput withBar(double bar, Candidate... candidates) {
        return new RoutingInput(CHAT, List.of(candidates), new PolicySettings(bar, null));
    }

    static RoutingInput withCap(Double cap, Candidate... candidates) {
        return new RoutingInput(CHAT, List.of(candidates), new PolicySettings(0.0, cap));
    }

    static List<String> models(List<Candidate> ranked) {
        return ranked.stream().map(Candidate::model).toList();
    }
}
