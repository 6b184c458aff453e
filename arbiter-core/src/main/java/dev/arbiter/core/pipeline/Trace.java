package dev.arbiter.core.pipeline;

import dev.arbiter.core.catalog.Deployment;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.routing.RoutingDecision;
import dev.arbiter.core.tenancy.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the pipeline decided and did for one request, written by the stages as it happens and read at the edge
 * for response headers and, later, the ledger. Confined to the request's thread.
 */
public final class Trace {
    private ModelEntry model;
    private List<ModelEntry> targets = List.of();
    private String route;
    private String decision;
    private RoutingDecision routingDecision;
    private final List<AttemptRecord> attempts = new ArrayList<>();
    private long upstreamNanos;
    private Deployment deployment;
    private OptionalLong deadlineNanos = OptionalLong.empty();
    private ErrorKind truncatedBy;
    private Principal principal = Principal.OPEN;
    private long firstTokenNanos;
    private String requestId;

    public ModelEntry model() {
        return model;
    }

    public void model(ModelEntry chosen) {
        this.model = chosen;
    }

    /** The targets in the order to try them: the router's ranking (first = chosen), fallbacks after it. */
    public List<ModelEntry> targets() {
        return targets;
    }

    public void targets(List<ModelEntry> ranked) {
        this.targets = List.copyOf(ranked);
    }

    /** What {@code x-arbiter-route} says: the route name, the virtual model asked for, or "direct". */
    public String route() {
        return route;
    }

    public void route(String name) {
        this.route = name;
    }

    /** The one-line decision summary sent as {@code x-arbiter-decision}. */
    public String decision() {
        return decision;
    }

    public void decision(String summary) {
        this.decision = summary;
    }

    /** The router's full decision record; null for a request that named a concrete model. */
    public RoutingDecision routingDecision() {
        return routingDecision;
    }

    public void routingDecision(RoutingDecision record) {
        this.routingDecision = record;
    }

    /** A read-only view (no copy: several stages and the edge read it on every request; the trace is thread-confined). */
    public List<AttemptRecord> attempts() {
        return Collections.unmodifiableList(attempts);
    }

    public void addAttempt(AttemptRecord attempt) {
        attempts.add(attempt);
    }

    /** Time spent waiting on upstreams (until a full answer, or until a stream's first event). */
    public long upstreamNanos() {
        return upstreamNanos;
    }

    public void addUpstreamNanos(long nanos) {
        upstreamNanos += nanos;
    }

    /** The deployment of {@link #model()} the current attempt calls (chosen by the retry stage). */
    public Deployment deployment() {
        return deployment;
    }

    public void deployment(Deployment current) {
        this.deployment = current;
    }

    /** When the request must be answered by, on the reliability clock (nanoseconds); empty when no stage set one. */
    public OptionalLong deadlineNanos() {
        return deadlineNanos;
    }

    public void deadlineNanos(long nanos) {
        this.deadlineNanos = OptionalLong.of(nanos);
    }

    /** Whether a committed stream was cut short by a failure (its answer is incomplete). */
    public boolean truncated() {
        return truncatedBy != null;
    }

    /** The failure that cut a committed stream short, or null. */
    public ErrorKind truncatedBy() {
        return truncatedBy;
    }

    public void truncated(ErrorKind failure) {
        this.truncatedBy = failure;
    }

    /** Who the request is for (set by the auth stage); {@link Principal#OPEN} when the gateway runs open. */
    public Principal principal() {
        return principal;
    }

    public void principal(Principal who) {
        this.principal = who;
    }

    /** When the first token of a streamed answer went out to the caller (nanoTime), or 0 if none has. */
    public long firstTokenNanos() {
        return firstTokenNanos;
    }

    public void firstTokenNanos(long nanos) {
        if (firstTokenNanos == 0) {
            this.firstTokenNanos = nanos;
        }
    }

    /** The request's unique id (the ledger's row key), or null until the edge or the ledger assigns one. */
    public String requestId() {
        return requestId;
    }

    public void requestId(String id) {
        this.requestId = id;
    }
}
