package dev.arbiter.core.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * GCRA rate limits of one process (see {@link Gcra}): one theoretical arrival time per cell (a limit's rpm or
 * tpm), all checked and then all charged under one lock. Idle cells are forgotten once their tat has passed.
 */
public final class InMemoryRateLimiter implements RateLimiter {
    private static final long SWEEP_EVERY_NANOS = Duration.ofMinutes(5).toNanos();

    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Long> tats = new HashMap<>(); // guarded by lock
    private long nextSweep = Long.MIN_VALUE; // guarded by lock

    public InMemoryRateLimiter(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public RateResult acquire(List<RateLimit> limits, long estimatedTokens) {
        long now = nanos(clock.instant());
        lock.lock();
        try {
            sweep(now);
            Map<String, Long> next = new HashMap<>();
            RateRefusal worst = null;
            for (RateLimit limit : limits) {
                for (RateLimit.Kind kind : RateLimit.Kind.values()) {
                    Long perMinute = limit.perMinute(kind);
                    if (perMinute == null) {
                        continue;
                    }
                    String cell = limit.cellId(kind);
                    long units = kind == RateLimit.Kind.REQUESTS ? 1 : estimatedTokens;
                    Gcra.Charge c = Gcra.charge(tats.getOrDefault(cell, now), now, units, perMinute);
                    if (c.passed()) {
                        next.put(cell, c.tat());
                    } else if (worst == null || c.waitNanos() > worst.retryAfter().toNanos()) {
                        worst = new RateRefusal(limit, kind, Duration.ofNanos(c.waitNanos()));
                    }
                }
            }
            if (worst != null) {
                return worst;
            }
            tats.putAll(next);
            return new RatePermit(limits, estimatedTokens);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void correct(RatePermit permit, long actualTokens) {
        long delta = actualTokens - permit.tokens();
        if (delta == 0) {
            return;
        }
        long now = nanos(clock.instant());
        lock.lock();
        try {
            for (RateLimit limit : permit.tokenLimits()) {
                String cell = limit.cellId(RateLimit.Kind.TOKENS);
                long shift = Gcra.cost(Math.abs(delta), limit.spec().tpm());
                long tat = Math.max(tats.getOrDefault(cell, now), now);
                tats.put(cell, delta > 0 ? tat + shift : Math.max(now, tat - shift));
            }
        } finally {
            lock.unlock();
        }
    }

    private void sweep(long now) {
        if (now < nextSweep) {
            return;
        }
        tats.values().removeIf(tat -> tat <= now);
        nextSweep = now + SWEEP_EVERY_NANOS;
    }

    private static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }
}
