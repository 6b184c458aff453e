package dev.arbiter.core.ledger;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.RoutingDecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which model a request's savings are measured against, and what its usage would have cost there (at that
 * instant's price). The rule, first match wins: the route's own {@code baseline}; else the ledger's
 * {@code baseline_model}; else, for a routed request, the costliest candidate the router ranked (for this usage);
 * else the chosen model itself (no savings). A named baseline missing from the catalog falls through to the next.
 */
public final class Baselines {
    /** No named baselines: routed requests compare with their costliest candidate, direct ones with themselves. */
    public static final Baselines NONE = new Baselines(Map.of(), null);

    private final Map<String, String> byRoute;
    private final String defaultModel;

    /** @param byRoute route name → baseline model (id or alias); @param defaultModel the ledger's, or null */
    public Baselines(Map<String, String> byRoute, String defaultModel) {
        this.byRoute = Map.copyOf(byRoute);
        this.defaultModel = defaultModel;
    }

    /** The baseline model's id and its cost for this usage; both null/zero when no model was chosen. */
    record Choice(String model, BigDecimal costUsd) {
        static final Choice NONE = new Choice(null, BigDecimal.ZERO);
    }

    Choice choose(Request request, Function<String, Optional<ModelEntry>> models) {
        String named = request.route() == null ? null : byRoute.get(request.route());
        for (String name : new String[] {named, defaultModel}) {
            Optional<ModelEntry> model = name == null ? Optional.empty() : models.apply(name);
            if (model.isPresent()) {
                return costOn(model.get(), request);
            }
        }
        if (request.decision() != null) {
            Choice costliest = costliest(request, models);
            if (costliest != null) {
                return costliest;
            }
        }
        return request.chosen() == null ? Choice.NONE : costOn(request.chosen(), request);
    }

    private static Choice costliest(Request request, Function<String, Optional<ModelEntry>> models) {
        Choice best = null;
        double bestExpected = Double.NEGATIVE_INFINITY;
        for (Candidate candidate : request.decision().ranked()) {
            Optional<ModelEntry> model = models.apply(candidate.model());
            if (model.isEmpty()) {
                continue;
            }
            Choice here = costOn(model.get(), request);
            int order = best == null ? 1 : here.costUsd().compareTo(best.costUsd());
            // Equal cost (e.g. a failed request with no usage): the router's own estimate breaks the tie.
            if (order > 0 || order == 0 && candidate.expectedCostUsd() > bestExpected) {
                best = here;
                bestExpected = candidate.expectedCostUsd();
            }
        }
        return best;
    }

    private static Choice costOn(ModelEntry model, Request request) {
        return new Choice(model.id(), model.costAt(request.at(), request.usage()));
    }

    /** What the rule looks at: the route, the router's decision (null when direct), the chosen model, usage and time. */
    record Request(String route, RoutingDecision decision, ModelEntry chosen, Usage usage, Instant at) {
    }
}
