package dev.arbiter.core.limits;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Spend counters of one process. One lock makes a reservation across several counters atomic (a reserve is a few
 * map look-ups, so the lock is never held for long); the ledger is read to seed a new counter outside the lock.
 * Counters are dropped a day after their period ends.
 */
public final class InMemorySpendCounters implements SpendCounters {
    private static final System.Logger LOG = System.getLogger(InMemorySpendCounters.class.getName());
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final InstantSource clock;
    private final SpendHistory history;
    private final Duration lease;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, SpendCounter> counters = new HashMap<>(); // guarded by lock
    private Instant nextSweep = Instant.MIN; // guarded by lock

    public InMemorySpendCounters(InstantSource clock, SpendHistory history) {
        this(clock, history, DEFAULT_LEASE);
    }

    public InMemorySpendCounters(InstantSource clock, SpendHistory history, Duration lease) {
        this.clock = clock;
        this.history = history;
        this.lease = lease;
    }

    @Override
    public ReserveResult reserve(List<Budget> budgets, BigDecimal estimate) {
        Instant now = clock.instant();
        long micros = Money.micros(estimate);
        seedMissing(budgets, now);
        lock.lock();
        try {
            List<SpendCounter> held = new ArrayList<>(budgets.size());
            for (Budget b : budgets) {
                SpendCounter c = counters.get(b.counterId(now));
                c.expireHolds(now);
                if (!c.fits(micros, b.limitMicros())) {
                    return new BudgetRefusal(b, Money.usd(c.spent()), Money.usd(c.reserved()), Money.usd(micros));
                }
                held.add(c);
            }
            Reservation r = Reservation.create(budgets, now, micros);
            Instant until = now.plus(lease);
            held.forEach(c -> c.hold(r.id(), micros, until));
            return r;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Settled> settle(Reservation reservation, BigDecimal actual) {
        long micros = Money.micros(actual);
        List<Settled> out = new ArrayList<>();
        lock.lock();
        try {
            for (Budget b : reservation.budgets()) {
                SpendCounter c = counters.get(b.counterId(reservation.at()));
                if (c != null) {
                    c.drop(reservation.id());
                    long before = c.spend(micros);
                    out.add(new Settled(b, b.spec().period().start(reservation.at()), Money.usd(before),
                            Money.usd(c.spent())));
                }
            }
        } finally {
            lock.unlock();
        }
        return out;
    }

    @Override
    public void release(Reservation reservation) {
        lock.lock();
        try {
            for (Budget b : reservation.budgets()) {
                SpendCounter c = counters.get(b.counterId(reservation.at()));
                if (c != null) {
                    c.drop(reservation.id());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Creates the counters not seen yet, seeded from the ledger (read outside the lock; the first seed wins). */
    private void seedMissing(List<Budget> budgets, Instant now) {
        for (Budget b : budgets) {
            String id = b.counterId(now);
            if (known(id)) {
                continue;
            }
            Instant start = b.spec().period().start(now);
            long seed = seed(b, start);
            lock.lock();
            try {
                sweep(now);
                counters.putIfAbsent(id, new SpendCounter(seed, b.spec().period().end(now).plus(KEEP_AFTER_PERIOD)));
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean known(String id) {
        lock.lock();
        try {
            return counters.containsKey(id);
        } finally {
            lock.unlock();
        }
    }

    private long seed(Budget b, Instant periodStart) {
        try {
            return Money.micros(history.spentSince(b, periodStart));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the past spend of " + b.name() + " from the ledger", e);
            throw LimitsUnavailable.error("the ledger cannot be read to seed " + b.describe());
        }
    }

    private void sweep(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        counters.values().removeIf(c -> c.expired(now));
        nextSweep = now.plus(SWEEP_EVERY);
    }
}
