package dev.arbiter.core.limits;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Trace;
import dev.arbiter.core.tenancy.Principal;
import java.time.InstantSource;
import java.util.List;

/**
 * The Limits stage, after the router (it needs the chosen model's price and id): checks the rate limits (429 with
 * Retry-After), then reserves the request's estimated cost on every budget that applies (429 or 402 naming the
 * budget), lets the request through, and settles with the real usage: at once for a whole answer, at the stream's
 * end or close for a stream. A call that fails gives its reservation and estimated tokens back.
 */
public final class LimitsStage implements Interceptor {
    private final LimitRules rules;
    private final SpendCounters counters;
    private final RateLimiter limiter;
    private final Services services;

    /** Where alerts go and the clock alerts are stamped with. */
    public record Services(AlertSink alerts, InstantSource clock) {
        public static Services of(AlertSink alerts) {
            return new Services(alerts, InstantSource.system());
        }
    }

    public LimitsStage(LimitRules rules, SpendCounters counters, RateLimiter limiter, Services services) {
        this.rules = rules;
        this.counters = counters;
        this.limiter = limiter;
        this.services = services;
    }

    @Override
    public Outcome intercept(Chain chain) {
        Exchange exchange = chain.exchange();
        Trace trace = exchange.trace();
        ModelEntry model = trace.model();
        if (model == null) {
            throw new IllegalStateException("the limits stage must run after the router (no model chosen)");
        }
        Principal who = trace.principal();
        List<RateLimit> limits = rules.rateLimitsFor(who, model.id());
        List<Budget> budgets = rules.budgetsFor(who, trace.route());
        if (limits.isEmpty() && budgets.isEmpty()) {
            return chain.proceed(exchange);
        }
        CostEstimate estimate = CostEstimate.of(exchange.request(), model, services.clock().instant());
        Settlement settlement = new Settlement(admit(limits, budgets, estimate), estimate);
        Outcome outcome;
        try {
            outcome = chain.proceed(exchange);
        } catch (RuntimeException | Error e) {
            settlement.release();
            throw e;
        }
        ModelEntry served = trace.model() != null ? trace.model() : model;
        return switch (outcome) {
            case Outcome.Completed done -> {
                Usage usage = done.response().usage();
                settlement.settle(served, usage.equals(Usage.ZERO) ? null : usage); // none reported: the estimate
                yield done;
            }
            case Outcome.Streaming s -> new Outcome.Streaming(new SettlingStream(s.stream(), settlement, served));
        };
    }

    /** Rate limits first (cheap to refuse), then the budgets; a budget refusal gives the charged tokens back. */
    private Settlement.Admission admit(List<RateLimit> limits, List<Budget> budgets, CostEstimate estimate) {
        RatePermit permit = RatePermit.NONE;
        if (!limits.isEmpty()) {
            switch (limiter.acquire(limits, estimate.inputTokens())) {
                case RateRefusal refused -> throw refused.toException();
                case RatePermit granted -> permit = granted;
            }
        }
        Reservation reservation = null;
        if (!budgets.isEmpty()) {
            switch (counters.reserve(budgets, estimate.usd())) {
                case BudgetRefusal refused -> {
                    limiter.correct(permit, 0);
                    throw refused.toException();
                }
                case Reservation held -> reservation = held;
            }
        }
        return new Settlement.Admission(counters, limiter, services.alerts(), services.clock(), reservation, permit);
    }
}
