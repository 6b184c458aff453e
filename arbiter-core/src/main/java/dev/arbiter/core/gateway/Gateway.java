package dev.arbiter.core.gateway;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.TokenCount;
import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.limits.LimitsStage;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Pipeline;
import dev.arbiter.core.pipeline.RequestMeta;
import dev.arbiter.core.provider.Provider;
import dev.arbiter.core.reliability.Reliability;
import dev.arbiter.core.reliability.ReliabilityConfig;
import dev.arbiter.core.router.RouterServices;
import dev.arbiter.core.router.RouterStage;
import dev.arbiter.core.router.VirtualModels;
import dev.arbiter.core.routing.ModelHealth;
import dev.arbiter.core.tenancy.AuthStage;
import dev.arbiter.core.tenancy.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine: a catalog, the running providers, and the request pipeline. The pipeline's order is the literal
 * list below, in one place (see docs/architecture.md).
 */
public final class Gateway {
    private final Catalog catalog;
    private final RouterStage router;
    private final Reliability reliability;
    private final AuthStage auth;
    private final Pipeline pipeline;
    private final TokenCounting counting;

    /**
     * A gateway with the default routing and reliability settings, no routes, the shipped quality profile, and
     * each deployment called with its provider's key.
     */
    public Gateway(Catalog catalog, Map<String, Provider> providers) {
        DeploymentProviders deployments = DeploymentProviders.of(providers);
        Reliability reliability = Reliability.standard(ReliabilityConfig.DEFAULTS, deployments::running);
        this(catalog, deployments, reliability, RouterStage.create(catalog, RoutingConfig.DEFAULTS,
                RouterServices.defaults().withHealth(reliability.health())));
    }

    Gateway(Catalog catalog, DeploymentProviders providers, Reliability reliability, RouterStage router) {
        this(catalog, providers, reliability, router, null, null);
    }

    /**
     * The full pipeline. {@code auth} is null when the gateway runs open, {@code limits} when no budget or rate limit
     * can apply. Limits come after the router because estimates and per-model limits need the chosen model.
     */
    Gateway(Catalog catalog, DeploymentProviders providers, Reliability reliability, RouterStage router,
            AuthStage auth, LimitsStage limits) {
        this.catalog = catalog;
        this.router = router;
        this.reliability = reliability;
        this.auth = auth;
        this.counting = new TokenCounting(router, providers);
        List<Interceptor> stages = new ArrayList<>();
        if (auth != null) {
            stages.add(auth);
        }
        stages.add(router);
        if (limits != null) {
            stages.add(limits);
        }
        stages.addAll(List.of(
                reliability.attempts(catalog::find,
                        (request, model) -> catalog.isAvailable(model) && RequiredCapabilities.allows(request, model)),
                reliability.retry(),
                reliability.circuitBreaker(),
                new ProviderCall(providers, reliability)));
        this.pipeline = new Pipeline(stages);
    }

    /**
     * Who a request is for, from its headers alone (the edge calls this before reading the body): the presented
     * key's principal, or {@link Principal#OPEN} when the gateway runs open. 401 for a missing, unknown or revoked key.
     */
    public Principal admit(RequestMeta meta) {
        return auth == null ? Principal.OPEN : auth.authenticate(meta);
    }

    /** Whether every request needs a virtual key (an admin key is configured). */
    public boolean requiresKeys() {
        return auth != null;
    }

    /** Runs one request through the pipeline; failures are ArbiterExceptions, details land in the exchange's trace. */
    public Outcome handle(Exchange exchange) {
        return pipeline.run(exchange);
    }

    /**
     * Counts the request's input tokens for the model it names, without running it: exactly when the model's
     * upstream can count (Anthropic), else Arbiter's local estimate (always for a virtual model or route). 403 when
     * the principal's key may not use the model, 404 for an unknown one; nothing is charged or recorded.
     */
    public TokenCount countTokens(ChatRequest request, Principal principal) {
        AuthStage.requireAllowed(principal, request.model());
        return counting.count(request);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The virtual models and configured routes callers may name besides the catalog's models. */
    public List<VirtualModels.Listed> virtualModels() {
        return router.listed();
    }

    /** Loads what routing needs before the first request (see {@link RouterStage#warmUp}). */
    public void warmUp() {
        router.warmUp();
    }

    /** Deployment health, breakers and the stages' settings (for /health and metrics). */
    public Reliability reliability() {
        return reliability;
    }

    /** Whether a model can take traffic now (some deployment's circuit is not open); the router's hard filter. */
    public ModelHealth health() {
        return reliability.health();
    }
}
