package dev.arbiter.core.limits;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.Usage;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one admitted request still owes its limits: settle the budget reservation with the real cost and correct the
 * token rate limits with the real tokens, or give both back when the call failed. Runs once, whichever comes first
 * (a stream's end, its close, a failure); a problem while settling is logged, never thrown at the caller.
 */
final class Settlement {
    private static final System.Logger LOG = System.getLogger(Settlement.class.getName());

    private final Admission admission;
    private final CostEstimate estimate;
    private final AtomicBoolean done = new AtomicBoolean();

    /** The services and the two charges taken at admission. */
    record Admission(SpendCounters counters, RateLimiter limiter, AlertSink alerts, InstantSource clock,
                     Reservation reservation, RatePermit permit) {
    }

    Settlement(Admission admission, CostEstimate estimate) {
        this.admission = admission;
        this.estimate = estimate;
    }

    /** Charges {@code usage} on {@code model} at its price in force now; without usage, the whole estimate (an upper bound). */
    void settle(ModelEntry model, Usage usage) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        BigDecimal cost = usage != null ? CostEstimate.cost(model, usage, admission.clock().instant()) : estimate.usd();
        long tokens = usage != null ? usage.totalTokens() : estimate.inputTokens() + estimate.outputTokens();
        try {
            admission.limiter().correct(admission.permit(), tokens);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot correct the token rate limits after a request", e);
        }
        if (admission.reservation() == null) {
            return;
        }
        try {
            for (Settled s : admission.counters().settle(admission.reservation(), cost)) {
                for (BigDecimal fraction : s.crossed()) {
                    admission.alerts().thresholdCrossed(new BudgetAlert(s.budget(), s.periodStart(), fraction,
                            s.after(), admission.clock().instant()));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot settle a request's cost of " + Money.format(cost) + " on its budgets", e);
        }
    }

    /** The call failed: nothing was spent, give the reservation and the charged tokens back. */
    void release() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        try {
            admission.limiter().correct(admission.permit(), 0);
            if (admission.reservation() != null) {
                admission.counters().release(admission.reservation());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot release a failed request's reservation", e);
        }
    }
}
