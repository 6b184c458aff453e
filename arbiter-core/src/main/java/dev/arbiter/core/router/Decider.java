package dev.arbiter.core.router;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.gateway.Catalog;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.FilteredModel;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.QualityModel;
import dev.arbiter.core.routing.Ranking;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.RoutingContext;
import dev.arbiter.core.routing.RoutingDecision;
import dev.arbiter.core.routing.RoutingInput;
import dev.arbiter.core.routing.RoutingPolicy;
import dev.arbiter.core.routing.TaskType;
import dev.arbiter.core.routing.policy.Policies;
import dev.arbiter.core.routing.stats.LatencyStats;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The router's decision for one routed request, without calling anything: features once, the bar and cap in
 * force, the candidate pool through the hard filters and the soft budget cut, pSuccess/cost/latency per candidate,
 * then the route's policy (or the cascade's plan). Thread-safe.
 */
final class Decider {
    private static final int MIX_ENTRIES = 3;
    private static final RoutingPolicy SINGLE_PICK = Policies.byName(Policies.CHEAPEST_MEETING_BAR);

    private final Catalog catalog;
    private final RoutingConfig routing;
    private final FeatureExtractor extractor;
    private final HardFilters filters;
    private final Supplier<QualityModel> quality;
    private final LatencyStats latency;
    private final Clock clock;

    Decider(Catalog catalog, RoutingConfig routing, FeatureExtractor extractor, HardFilters filters,
            Supplier<QualityModel> quality, LatencyStats latency, Clock clock) {
        this.catalog = catalog;
        this.routing = routing;
        this.extractor = extractor;
        this.filters = filters;
        this.quality = quality;
        this.latency = latency;
        this.clock = clock;
    }

    /** A decision and the catalog entries of its ranked candidates, in the same order. */
    record Decided(RoutingDecision decision, List<ModelEntry> targets) {
    }

    Decided decide(RouteSpec spec, Exchange exchange) {
        long start = System.nanoTime();
        ChatRequest request = exchange.request();
        RequestFeatures features = forced(extractor.extract(request), spec.forcedTask());
        PolicySettings settings = RequestSettings.resolve(spec, routing, features.taskType(), exchange.meta());
        RoutingContext context = context(spec, exchange);
        List<ModelEntry> pool = spec.pool() != null ? spec.pool() : catalog.available();
        HardFilters.Result passed = filters.apply(pool, request, features, context);
        if (passed.kept().isEmpty()) {
            throw NoEligibleModel.of(spec.id(), pool, passed.removed());
        }
        PreparedQuality prepared = PreparedQuality.of(quality.get(), features);
        List<Candidate> scored = CandidateScorer.score(passed.kept(), prepared, features, request, latency,
                clock.instant());
        List<FilteredModel> removed = new ArrayList<>(passed.removed());
        List<Candidate> candidates = BudgetCut.apply(scored, settings.maxCostUsd(), removed);
        Ranking ranking = rank(spec, request.stream(), new RoutingInput(features, candidates, settings, context));
        RoutingDecision decision = new RoutingDecision(spec.id(), request.model(), features.taskType(),
                spec.forcedTask() != null, topOfMix(features), prepared.difficulty(), settings, spec.policyName(),
                ranking.reason(), ranking.ranked(), removed, List.of(), System.nanoTime() - start);
        return new Decided(decision, entries(ranking.ranked(), passed.kept()));
    }

    private static Ranking rank(RouteSpec spec, boolean stream, RoutingInput input) {
        if (!spec.isCascade()) {
            return spec.policy().rank(input);
        }
        if (stream) {
            // A stream cannot be verified before it reaches the caller: one pick, as cheapest-meeting-bar would.
            Ranking single = SINGLE_PICK.rank(input);
            return new Ranking(single.ranked(), "stream, so a single pick: " + single.reason());
        }
        CascadeOptions options = spec.cascade();
        double firstBar = Math.min(options.firstTryBar(), input.settings().qualityBar());
        List<Candidate> plan = CascadePlan.order(input.candidates(), firstBar, input.settings().qualityBar(),
                options.maxTries());
        return new Ranking(plan, "cheapest meeting first-try bar " + DecisionHeader.fixed(firstBar)
                + ", escalating to stronger models until an answer passes the checks");
    }

    private static RequestFeatures forced(RequestFeatures f, TaskType task) {
        if (task == null) {
            return f;
        }
        return new RequestFeatures(task, Map.of(task, 1.0), f.language(), f.inputTokens(), f.maxOutputTokens(),
                f.hasImages(), f.hasTools(), f.wantsJson(), f.promptText());
    }

    private static RoutingContext context(RouteSpec spec, Exchange exchange) {
        String requestId = exchange.meta().header("x-request-id");
        if (requestId == null) {
            requestId = Long.toHexString(ThreadLocalRandom.current().nextLong());
        }
        ChatRequest request = exchange.request();
        return new RoutingContext(spec.id(), request.user(), requestId, exchange.meta().headers(), request.metadata());
    }

    private static List<RoutingDecision.TaskShare> topOfMix(RequestFeatures f) {
        return f.taskMix().entrySet().stream()
                .filter(e -> e.getValue() >= 0.005)
                .sorted(Map.Entry.<TaskType, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MIX_ENTRIES)
                .map(e -> new RoutingDecision.TaskShare(e.getKey(), e.getValue()))
                .toList();
    }

    private static List<ModelEntry> entries(List<Candidate> ranked, List<ModelEntry> models) {
        Map<String, ModelEntry> byId = new java.util.HashMap<>();
        models.forEach(m -> byId.put(m.id(), m));
        return ranked.stream().map(c -> byId.get(c.model())).filter(java.util.Objects::nonNull).toList();
    }
}
