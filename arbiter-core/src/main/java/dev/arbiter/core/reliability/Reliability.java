package dev.arbiter.core.reliability;

import dev.arbiter.core.catalog.Deployment;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Trace;
import dev.arbiter.core.routing.ModelHealth;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The reliability machinery of one engine: the live state of every deployment (breakers, slots, latency,
 * cool-downs) and the stages that use it — Attempts (fallback across models), Retry (across a model's
 * deployments) and CircuitBreaker — plus what the provider call needs (the time budget, the stream pre-commit
 * window) and what others read (model health for the router, deployment snapshots for /health and metrics).
 */
public final class Reliability {
    private final ReliabilityConfig config;
    private final TimeSource time;
    private final DeploymentPool pool;
    private final Deadlines deadlines;
    private final StreamWindow window;
    private final RetryStage retry;
    private final BreakerStage breaker;

    /** {@code running} says whether a deployment's provider is configured (others are never called). */
    public Reliability(ReliabilityConfig config, Predicate<Deployment> running, TimeSource time, RandomGenerator random) {
        this.config = config;
        this.time = time;
        this.pool = new DeploymentPool(config, time, random, running);
        this.deadlines = new Deadlines(config.timeout(), time);
        this.window = new StreamWindow(config.stream(), time);
        this.retry = new RetryStage(pool, config.retry(), new Backoff(config.retry(), random), deadlines, time);
        this.breaker = new BreakerStage(pool, time);
    }

    /** With the real clock and a thread-local random source. */
    public static Reliability standard(ReliabilityConfig config, Predicate<Deployment> running) {
        RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        return new Reliability(config, running, TimeSource.system(), random);
    }

    /** Creates the live state of these models' deployments now, so health shows them before their first call. */
    public Reliability register(List<ModelEntry> models) {
        models.forEach(pool::group);
        return this;
    }

    public ReliabilityConfig config() {
        return config;
    }

    /** The Attempts stage; {@code lookup} finds fallback models by id, {@code canServe} vets them for a request. */
    public Interceptor attempts(Function<String, Optional<ModelEntry>> lookup, BiPredicate<ChatRequest, ModelEntry> canServe) {
        return new AttemptsStage(config, deadlines, time, lookup, canServe);
    }

    public Interceptor retry() {
        return retry;
    }

    public Interceptor circuitBreaker() {
        return breaker;
    }

    /** Healthy = some deployment's circuit is not open; the router's hard filter. */
    public ModelHealth health() {
        return pool::healthy;
    }

    /** Every deployment's circuit, load and cool-down now, sorted by deployment id. */
    public List<DeploymentSnapshot> snapshot() {
        return pool.snapshot();
    }

    /** Time the upstream call may take: what is left of the request's deadline; a timeout when nothing is. */
    public Duration budget(Trace trace) {
        Duration left = deadlines.remaining(trace);
        if (left.isZero()) {
            throw new ArbiterException(ErrorKind.PROVIDER_TIMEOUT, "the request's deadline passed before model '"
                    + trace.model().id() + "' could be called", null, "deadline_exceeded", null);
        }
        return left;
    }

    /**
     * A fresh upstream stream read through the pre-commit window (first-token limit capped by the deadline). A
     * failure inside the window is thrown; so is a refusal, when the model has a content-policy alternative.
     */
    public EventStream hold(EventStream upstream, Trace trace, String upstreamName) {
        Duration left = deadlines.remaining(trace);
        Duration firstToken = config.stream().firstToken().compareTo(left) < 0 ? config.stream().firstToken() : left;
        HeldStream held = window.hold(upstream, firstToken, upstreamName);
        if (held.isRefusal() && !config.forModel(trace.model().id()).contentPolicyFallbacks().isEmpty()) {
            held.close();
            throw Refusals.failure(trace.model());
        }
        return held;
    }

    /** A complete answer, or the refusal failure when it is a refusal and the model has a content-policy alternative. */
    public ChatResponse accept(ChatResponse response, Trace trace) {
        if (Refusals.isRefusal(response) && !config.forModel(trace.model().id()).contentPolicyFallbacks().isEmpty()) {
            throw Refusals.failure(trace.model());
        }
        return response;
    }
}
