package dev.arbiter.core.router;

import dev.arbiter.core.catalog.Lifecycle;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.gateway.Catalog;
import dev.arbiter.core.gateway.RequiredCapabilities;
import dev.arbiter.core.routing.CandidateFilter;
import dev.arbiter.core.routing.FilteredModel;
import dev.arbiter.core.routing.ModelHealth;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The filters every candidate must pass before a policy sees it, in this order: its provider is configured, it is
 * not deprecated or retired, it has the capabilities the request needs (tools, images, JSON), its context window
 * holds the prompt plus the answer room, its output limit covers max_tokens, it is healthy, and governance allows
 * it. A removed model keeps the first reason that removed it.
 */
final class HardFilters {
    private final Catalog catalog;
    private final ModelHealth health;
    private final CandidateFilter governance;

    HardFilters(Catalog catalog, ModelHealth health, CandidateFilter governance) {
        this.catalog = catalog;
        this.health = health;
        this.governance = governance;
    }

    /** The models that passed, in pool order, and the ones removed with why. */
    record Result(List<ModelEntry> kept, List<FilteredModel> removed) {
    }

    Result apply(List<ModelEntry> pool, ChatRequest request, RequestFeatures features, RoutingContext context) {
        List<ModelEntry> kept = new ArrayList<>(pool.size());
        List<FilteredModel> removed = new ArrayList<>();
        for (ModelEntry model : pool) {
            FilteredModel why = firstFailure(model, request, features, context);
            if (why == null) {
                kept.add(model);
            } else {
                removed.add(why);
            }
        }
        return new Result(kept, removed);
    }

    private FilteredModel firstFailure(ModelEntry m, ChatRequest request, RequestFeatures features,
                                       RoutingContext context) {
        if (!catalog.isAvailable(m)) {
            return new FilteredModel(m.id(), "provider", "provider '" + m.provider() + "' is not configured");
        }
        if (m.lifecycle() != Lifecycle.ACTIVE) {
            return new FilteredModel(m.id(), "lifecycle", "is " + m.lifecycle().configName());
        }
        Optional<String> lacking = RequiredCapabilities.missing(request, m);
        if (lacking.isPresent()) {
            return new FilteredModel(m.id(), "capability", lacking.get());
        }
        if (m.contextWindow() < features.requiredContext()) {
            return new FilteredModel(m.id(), "context", "context window " + m.contextWindow() + " < "
                    + features.requiredContext() + " needed");
        }
        if (request.maxTokens() != null && m.maxOutputTokens() != null && m.maxOutputTokens() < request.maxTokens()) {
            return new FilteredModel(m.id(), "context", "max output " + m.maxOutputTokens() + " < max_tokens "
                    + request.maxTokens());
        }
        if (!health.healthy(m.id())) {
            return new FilteredModel(m.id(), "health", "is unhealthy (no deployment can take traffic now)");
        }
        return governance.refuse(m, features, context)
                .map(reason -> new FilteredModel(m.id(), "governance", reason))
                .orElse(null);
    }
}
