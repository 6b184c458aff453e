package dev.arbiter.core.gateway;

import dev.arbiter.core.catalog.Deployment;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.TokenCount;
import dev.arbiter.core.provider.Provider;
import dev.arbiter.core.router.RouterStage;
import dev.arbiter.core.routing.features.LocalTokenCounter;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Counts a request's input tokens for the model it names, outside the pipeline (a count costs nothing, so it is
 * neither charged, rate limited nor recorded). A concrete model is asked of its deployments in order: the first
 * whose running provider can count (an Anthropic upstream) gives the exact count, and its failure is the caller's
 * answer, mapped as for a call. A model none of whose upstreams can count, or a virtual model or route (whose
 * model only a call decides), gets the local estimate.
 */
final class TokenCounting {
    private final RouterStage router;
    private final DeploymentProviders providers;

    TokenCounting(RouterStage router, DeploymentProviders providers) {
        this.router = router;
        this.providers = providers;
    }

    TokenCount count(ChatRequest request) {
        Optional<ModelEntry> model = router.concreteModel(request.model()); // 404 for an unknown name
        if (model.isPresent()) {
            for (Deployment deployment : model.get().deployments()) {
                Provider provider = providers.forDeployment(deployment);
                OptionalInt exact = provider == null ? OptionalInt.empty()
                        : provider.countTokens(request.withModel(deployment.upstreamModel()));
                if (exact.isPresent()) {
                    return new TokenCount(exact.getAsInt(), true);
                }
            }
        }
        return new TokenCount(LocalTokenCounter.count(request), false);
    }
}
