package dev.arbiter.core.router;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.gateway.Catalog;
import dev.arbiter.core.gateway.RequiredCapabilities;
import dev.arbiter.core.pipeline.AttemptRecord;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Trace;
import dev.arbiter.core.routing.QualityModel;
import dev.arbiter.core.routing.quality.CatalogQuality;
import dev.arbiter.core.routing.quality.QualityProfile;
import dev.arbiter.core.routing.stats.LatencyStats;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Router stage. A concrete model name goes where it says (404 if unknown or unavailable, 400 if it lacks a
 * capability the request needs). A virtual model ({@code auto}, {@code auto:<task>}, {@code fast}, {@code best})
 * or a configured route is decided by {@link Decider}: the ranked targets go on the trace (first = chosen) with the
 * full {@code RoutingDecision} and its one-line header form; a cascade route runs its tries here. After the call,
 * each successful attempt's latency feeds the live stats that {@code fast} (lowest-latency) ranks by.
 */
public final class RouterStage implements Interceptor {
    private static final System.Logger LOG = System.getLogger(RouterStage.class.getName());
    /** The shipped base profile, parsed once per class loader on first use. */
    private static final Memo<QualityProfile> SHIPPED = new Memo<>(QualityProfile::shipped);

    private final Catalog catalog;
    private final RouteTable table;
    private final Decider decider;
    private final CascadeRunner cascade;
    private final LatencyStats latency;
    private final Supplier<QualityModel> quality;

    /** The stage for a catalog and config; the quality profile is loaded and extended to the catalog on first use. */
    public static RouterStage create(Catalog catalog, RoutingConfig routing, RouterServices services) {
        Memo<QualityModel> quality = new Memo<>(() -> CatalogQuality.build(profile(routing, services), catalog.all()));
        return new RouterStage(catalog, routing, services, () -> loaded(quality));
    }

    RouterStage(Catalog catalog, RoutingConfig routing, RouterServices services, Supplier<QualityModel> quality) {
        this.catalog = catalog;
        this.latency = services.latency();
        this.quality = quality;
        this.table = new RouteTable(routing.routes(), catalog);
        HardFilters filters = new HardFilters(catalog, services.health(), services.governance());
        this.decider = new Decider(catalog, routing, services.features(), filters, quality, latency, services.clock());
        this.cascade = new CascadeRunner(catalog);
    }

    /**
     * Loads the quality profile now rather than on the first routed request (it takes about a second); a failure
     * is thrown as the 503 routed requests would get.
     */
    public void warmUp() {
        quality.get();
    }

    /** The virtual models and configured routes, for the model list. */
    public List<VirtualModels.Listed> listed() {
        return table.listed();
    }

    /**
     * The catalog model a concrete name refers to (404 if unknown or its provider is not configured, as for a call),
     * or empty for a virtual model or configured route, whose model only a call decides.
     */
    public Optional<ModelEntry> concreteModel(String name) {
        return table.lookup(name).isPresent() ? Optional.empty() : Optional.of(DirectModel.resolve(catalog, name));
    }

    @Override
    public Outcome intercept(Chain chain) {
        Exchange exchange = chain.exchange();
        Optional<RouteSpec> spec = table.lookup(exchange.request().model());
        try {
            return spec.isPresent() ? routed(chain, exchange, spec.get()) : direct(chain, exchange);
        } finally {
            recordLatencies(exchange);
        }
    }

    /** Successful attempts feed the live stats (for a stream, an attempt's time is its time to first event). */
    private void recordLatencies(Exchange exchange) {
        boolean stream = exchange.request().stream();
        for (AttemptRecord a : exchange.trace().attempts()) {
            if (a.succeeded()) {
                if (stream) {
                    latency.recordTtft(a.model(), a.millis());
                } else {
                    latency.record(a.model(), a.millis());
                }
            }
        }
    }

    private Outcome direct(Chain chain, Exchange exchange) {
        ModelEntry model = DirectModel.resolve(catalog, exchange.request().model());
        RequiredCapabilities.requireAll(exchange.request(), model);
        Trace trace = exchange.trace();
        trace.model(model);
        trace.targets(List.of(model));
        trace.route(VirtualModels.DIRECT);
        trace.decision(DecisionHeader.direct(model.id()));
        return chain.proceed(exchange);
    }

    private Outcome routed(Chain chain, Exchange exchange, RouteSpec spec) {
        Decider.Decided decided = decider.decide(spec, exchange);
        Trace trace = exchange.trace();
        trace.route(spec.id());
        trace.routingDecision(decided.decision());
        trace.decision(DecisionHeader.format(decided.decision()));
        trace.model(decided.targets().getFirst());
        trace.targets(decided.targets());
        LOG.log(Level.DEBUG, () -> "routing decision: " + decided.decision());
        if (spec.isCascade() && !exchange.request().stream()) {
            return cascade.run(chain, exchange, decided.targets(), spec.cascade());
        }
        return chain.proceed(exchange);
    }

    /** The quality model, or a 503 saying why routing cannot run (e.g. the profile file became unreadable). */
    private static QualityModel loaded(Memo<QualityModel> quality) {
        try {
            return quality.get();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "cannot load the routing quality profile", e);
            throw new ArbiterException(ErrorKind.GATEWAY_NOT_READY, "Routing is unavailable: the quality profile"
                    + " cannot be loaded (" + e.getMessage() + ").", "model", "routing_unavailable", null);
        }
    }

    private static QualityProfile profile(RoutingConfig routing, RouterServices services) {
        if (services.profile() != null) {
            return services.profile();
        }
        return routing.qualityProfile() != null ? QualityProfile.load(routing.qualityProfile()) : SHIPPED.get();
    }
}
