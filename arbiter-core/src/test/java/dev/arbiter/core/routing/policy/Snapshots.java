package dev.arbiter.core.routing.policy;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.RoutingContext;
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

    static Candidate candidate(String model, double p, double cost, double latencyMs) {
        return new Candidate(model, p, cost, latencyMs);
    }

    static RequestFeatures features(TaskType task, String language, int inputTokens, boolean images, boolean tools,
                                    boolean json) {
        return new RequestFeatures(task, Map.of(task, 1.0), language, inputTokens, 0, images, tools, json, "prompt");
    }

    static RoutingContext context(String route, String user, Map<String, String> headers, Map<String, String> metadata) {
        return new RoutingContext(route, user, null, headers, metadata);
    }

    static RoutingContext user(String route, String user) {
        return new RoutingContext(route, user, null, Map.of(), Map.of());
    }

    static RoutingInput input(RequestFeatures features, RoutingContext context, double bar, Candidate... candidates) {
        return new RoutingInput(features, List.of(candidates), new PolicySettings(bar, null), context);
    }

    static RoutingInput input(RoutingContext context, Candidate... candidates) {
        return input(CHAT, context, 0.0, candidates);
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
