package dev.arbiter.store.redis;

import dev.arbiter.core.limits.LimitsUnavailable;
import dev.arbiter.core.limits.RedisSettings;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What happened while Redis could not be reached, and the policy for it: under fail-open an admission passes
 * unchecked, under fail-closed it is refused with 503 {@code gateway_limits_unavailable}. A warning is logged at most
 * once a minute. The counts are for the metrics: {@link #failures()} every Redis call that failed (admissions,
 * settles, corrections), {@link #admittedUnchecked()} requests let through unchecked, {@link #refused()} requests
 * refused with 503.
 */
public final class LimitsOutages {
    private static final System.Logger LOG = System.getLogger(LimitsOutages.class.getName());
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final RedisSettings settings;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong nextLog = new AtomicLong(System.nanoTime());

    LimitsOutages(RedisSettings settings) {
        this.settings = settings;
    }

    public RedisSettings.OnUnavailable policy() {
        return settings.onUnavailable();
    }

    public long failures() {
        return failures.get();
    }

    public long admittedUnchecked() {
        return admitted.get();
    }

    public long refused() {
        return refused.get();
    }

    /** An admission ({@code what}) could not be checked: returns to let it pass (fail-open) or throws the 503. */
    void admission(String what, RuntimeException cause) {
        failures.incrementAndGet();
        if (settings.onUnavailable() == RedisSettings.OnUnavailable.FAIL_CLOSED) {
            refused.incrementAndGet();
            warn(what, cause, "failing closed: requests get 503 gateway_limits_unavailable");
            throw LimitsUnavailable.error("the limits store is unreachable");
        }
        admitted.incrementAndGet();
        warn(what, cause, "failing open: requests pass without budget and rate limit checks");
    }

    /** A settle, release or correction ({@code what}) was lost; the ledger still records the request's cost. */
    void lost(String what, RuntimeException cause) {
        failures.incrementAndGet();
        warn(what, cause, "the counters miss this request's settlement (the ledger keeps its cost)");
    }

    private void warn(String what, RuntimeException cause, String consequence) {
        long now = System.nanoTime();
        long due = nextLog.get();
        if (now - due >= 0 && nextLog.compareAndSet(due, now + LOG_EVERY_NANOS)) {
            LOG.log(Level.WARNING, "Redis at " + settings.url() + " cannot " + what + " (" + cause + "); "
                    + consequence + " [failures so far: " + failures.get() + ", admitted unchecked: " + admitted.get()
                    + ", refused: " + refused.get() + "; logged at most once a minute]");
        }
    }
}
