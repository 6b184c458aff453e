package dev.arbiter.server;

import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.gateway.Gateway;
import dev.arbiter.core.observe.ExchangeListener;
import dev.arbiter.core.observe.ExchangeReport;
import dev.arbiter.core.pipeline.AttemptRecord;
import dev.arbiter.core.pipeline.Trace;
import dev.arbiter.core.routing.RoutingDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Micrometer/Prometheus listener: turns each finished request's report into counters and a latency timer, and
 * serves the scrape. Meters are cached per label set, so a request costs a few map lookups and increments; label
 * values go through {@link MetricLabels}, so only catalog models, configured routes and providers appear.
 */
final class GatewayMetrics implements ExchangeListener {
    /** Prometheus text exposition format 0.0.4, what {@link PrometheusMeterRegistry#scrape()} writes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Latency buckets when histograms are on: LLM answers take from tens of milliseconds to minutes. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MetricLabels labels;
    private final boolean histogram;
    private final DeploymentGauges deployments;
    private final Map<RequestKey, RequestMeters> requests = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> attempts = new ConcurrentHashMap<>();
    private final Map<String, ModelMeters> models = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> decisions = new ConcurrentHashMap<>();

    GatewayMetrics(Gateway gateway, List<String> providerIds, boolean histogram) {
        this.labels = MetricLabels.of(gateway, providerIds);
        this.histogram = histogram;
        this.deployments = new DeploymentGauges(gateway.reliability()::snapshot, registry);
        deployments.refresh(); // deployments show (closed, idle) before their first call
    }

    /** Publishes a monotonically growing count kept elsewhere (ledger rows dropped, Redis outages, ...). */
    void registerCounter(String name, ServerAddons.Count count) {
        io.micrometer.core.instrument.FunctionCounter.builder(name, count.value(), v -> v.getAsLong())
                .description(count.description()).register(registry);
    }

    /** The request's label set; the values are already bounded. */
    private record RequestKey(String api, String model, String route, String status, String outcome, String stream) {
    }

    private record RequestMeters(Counter count, Timer latency) {
    }

    @Override
    public void onComplete(ExchangeReport report) {
        Trace trace = report.trace();
        String model = labels.model(trace.model() == null ? null : trace.model().id());
        RequestKey key = new RequestKey(report.api(), model, labels.route(trace.route()),
                MetricLabels.statusClass(report.status()), report.outcome().label(), report.stream() ? "yes" : "no");
        RequestMeters meters = requests.computeIfAbsent(key, this::requestMeters);
        meters.count().increment();
        meters.latency().record(report.durationNanos(), TimeUnit.NANOSECONDS);
        for (AttemptRecord a : trace.attempts()) {
            attempt(a).increment();
        }
        recordUsage(model, report.usage(), report.costUsd());
        RoutingDecision decision = trace.routingDecision();
        if (decision != null) {
            decision(decision).increment();
        }
    }

    private RequestMeters requestMeters(RequestKey k) {
        String[] tags = {"api", k.api(), "model", k.model(), "route", k.route(), "status", k.status(),
                "outcome", k.outcome(), "stream", k.stream()};
        Counter count = Counter.builder("arbiter.requests").description("Chat requests answered")
                .tags(tags).register(registry);
        Timer.Builder latency = Timer.builder("arbiter.request.duration")
                .description("Time from a request's arrival to its answer, error or stream end").tags(tags);
        if (histogram) {
            latency.serviceLevelObjectives(BUCKETS);
        }
        return new RequestMeters(count, latency.register(registry));
    }

    private Counter attempt(AttemptRecord a) {
        String outcome = a.succeeded() ? "ok" : a.error().type();
        List<String> key = List.of(labels.model(a.model()), labels.provider(a.provider()), outcome);
        return attempts.computeIfAbsent(key, k -> Counter.builder("arbiter.upstream.attempts")
                .description("Calls to upstreams, failed ones included").tags("model", k.get(0), "provider", k.get(1),
                        "outcome", k.get(2)).register(registry));
    }

    private void recordUsage(String model, Usage usage, double costUsd) {
        ModelMeters meters = models.computeIfAbsent(model, this::modelMeters);
        if (usage != null) {
            meters.inputTokens().increment(usage.inputTokens());
            meters.outputTokens().increment(usage.outputTokens());
        }
        if (costUsd > 0) {
            meters.cost().increment(costUsd);
        }
    }

    /** A model's token and cost counters, looked up once per request by the model's label alone. */
    private record ModelMeters(Counter inputTokens, Counter outputTokens, Counter cost) {
    }

    private ModelMeters modelMeters(String model) {
        return new ModelMeters(tokens(model, "input"), tokens(model, "output"),
                Counter.builder("arbiter.cost.usd").description("Cost of answered requests at catalog prices, in USD")
                        .tags("model", model).register(registry));
    }

    private Counter tokens(String model, String type) {
        return Counter.builder("gen_ai.client.token.usage")
                .description("Tokens the upstreams reported (input includes cached, output includes reasoning)")
                .tags("model", model, "token_type", type).register(registry);
    }

    private Counter decision(RoutingDecision d) {
        String task = d.taskType() == null ? MetricLabels.UNKNOWN : d.taskType().configName();
        List<String> key = List.of(labels.route(d.route()), task, labels.model(d.chosen().model()));
        return decisions.computeIfAbsent(key, k -> Counter.builder("arbiter.route.decisions")
                .description("Routing decisions by route, task type and chosen model")
                .tags("route", k.get(0), "task_type", k.get(1), "model", k.get(2)).register(registry));
    }

    /** The Prometheus text for a scrape, with the deployment gauges read fresh. */
    String scrape() {
        deployments.refresh();
        return registry.scrape();
    }
}
