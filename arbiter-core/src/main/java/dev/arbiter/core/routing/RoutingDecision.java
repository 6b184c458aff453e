package dev.arbiter.core.routing;

import java.util.List;

/**
 * Why the router sent a request where it did: the route (or virtual model) and what the caller asked for, the
 * request's task type, top of its task mix and difficulty, the settings and policy in force, the candidates
 * ranked best-first (first = chosen, second = runner-up), the models hard filters removed and why, and for a
 * cascade every try. Immutable; kept on the trace for the response headers, the ledger and the logs.
 */
public record RoutingDecision(
        String route,
        String requested,
        TaskType taskType,
        boolean taskForced,
        List<TaskShare> taskMix,
        double difficulty,
        PolicySettings settings,
        String policy,
        String reason,
        List<Candidate> ranked,
        List<FilteredModel> filtered,
        List<Try> tries,
        long decisionNanos) {

    public RoutingDecision {
        taskMix = List.copyOf(taskMix);
        ranked = List.copyOf(ranked);
        filtered = List.copyOf(filtered);
        tries = List.copyOf(tries);
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one ranked candidate");
        }
    }

    /** One task type's share of the request's task mix. */
    public record TaskShare(TaskType task, double share) {
    }

    /** One cascade try: the model called and what became of its answer ({@code accepted}, or why it was not). */
    public record Try(String model, boolean accepted, String outcome) {
    }

    public Candidate chosen() {
        return ranked.getFirst();
    }

    /** The second-ranked candidate, or null when there was only one. */
    public Candidate runnerUp() {
        return ranked.size() > 1 ? ranked.get(1) : null;
    }

    public double expectedCostUsd() {
        return chosen().expectedCostUsd();
    }

    public double qualityBar() {
        return settings.qualityBar();
    }

    /** This decision with the cascade's tries (the model that answered last is then the one that served). */
    public RoutingDecision withTries(List<Try> newTries) {
        return new RoutingDecision(route, requested, taskType, taskForced, taskMix, difficulty, settings, policy,
                reason, ranked, filtered, newTries, decisionNanos);
    }
}
