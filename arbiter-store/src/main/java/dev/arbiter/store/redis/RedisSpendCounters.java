package dev.arbiter.store.redis;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.limits.Budget;
import dev.arbiter.core.limits.BudgetRefusal;
import dev.arbiter.core.limits.Money;
import dev.arbiter.core.limits.Reservation;
import dev.arbiter.core.limits.Settled;
import dev.arbiter.core.limits.SpendCounters;
import dev.arbiter.core.limits.SpendHistory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Spend counters every replica shares, in Redis. A budget's counter for one period is a hash
 * {@code <prefix>budget:<scope>:<period>:<period start>:<subject>} ({@code spent}, {@code reserved}, one
 * {@code r:<reservation id>} field per hold) with a lease set {@code ...:leases}; both expire a day after the period
 * ends. {@code reserve.lua} checks and holds on all of a request's counters in one atomic step; a counter it finds
 * unseeded is seeded from the ledger with {@code seed.lua} (HSETNX, so the first replica wins) and the reserve runs
 * again; {@code settle.lua} swaps the hold for the real cost or drops it. Redis failures follow the outage policy.
 */
public final class RedisSpendCounters implements SpendCounters {
    private static final int SEED_ROUNDS = 3;

    private final RedisLimits redis;
    private final SpendHistory history;
    private final InstantSource clock;
    private final Duration lease;

    public RedisSpendCounters(RedisLimits redis, SpendHistory history, InstantSource clock) {
        this(redis, history, clock, DEFAULT_LEASE);
    }

    public RedisSpendCounters(RedisLimits redis, SpendHistory history, InstantSource clock, Duration lease) {
        this.redis = redis;
        this.history = history;
        this.clock = clock;
        this.lease = lease;
    }

    @Override
    public ReserveResult reserve(List<Budget> budgets, BigDecimal estimate) {
        Instant now = clock.instant();
        Reservation r = Reservation.create(budgets, now, Money.micros(estimate));
        if (budgets.isEmpty()) {
            return r;
        }
        try {
            return held(r, now);
        } catch (ArbiterException e) {
            throw e;
        } catch (RuntimeException e) {
            redis.outages().admission("reserve a budget", e);
            return r; // fail-open: admitted unchecked; its settle still counts the cost if Redis is back by then
        }
    }

    private ReserveResult held(Reservation r, Instant now) {
        String[] keys = keys(r.budgets(), now);
        List<String> args = new ArrayList<>(List.of(r.id(), Long.toString(r.micros()),
                Long.toString(now.toEpochMilli()), Long.toString(now.plus(lease).toEpochMilli())));
        for (Budget b : r.budgets()) {
            args.add(Long.toString(b.limitMicros()));
            args.add(Long.toString(expireAt(b, now)));
        }
        for (int round = 0; round < SEED_ROUNDS; round++) {
            List<Object> reply = redis.run(Script.RESERVE, keys, args.toArray(String[]::new));
            switch (String.valueOf(reply.getFirst())) {
                case "ok" -> {
                    return r;
                }
                case "refused" -> {
                    Budget b = r.budgets().get(index(reply.get(1)));
                    return new BudgetRefusal(b, Money.usd(number(reply.get(2))), Money.usd(number(reply.get(3))),
                            r.estimate());
                }
                case "seed" -> reply.subList(1, reply.size()).forEach(i -> seed(r.budgets().get(index(i)), now));
                default -> throw new IllegalStateException("reserve.lua answered " + reply);
            }
        }
        throw new IllegalStateException("budget counters vanished while being seeded " + SEED_ROUNDS + " times");
    }

    private void seed(Budget b, Instant now) {
        long spent = Money.micros(history.spentSince(b, b.spec().period().start(now)));
        redis.run(Script.SEED, new String[] {counterKey(b, now)}, Long.toString(spent),
                Long.toString(expireAt(b, now)));
    }

    @Override
    public List<Settled> settle(Reservation reservation, BigDecimal actual) {
        if (reservation.budgets().isEmpty()) {
            return List.of();
        }
        List<Object> reply;
        try {
            reply = redis.run(Script.SETTLE, keys(reservation.budgets(), reservation.at()), reservation.id(),
                    Long.toString(Money.micros(actual)));
        } catch (RuntimeException e) {
            redis.outages().lost("settle a budget", e);
            return List.of();
        }
        List<Settled> out = new ArrayList<>();
        for (int i = 0; i < reservation.budgets().size(); i++) {
            long before = number(reply.get(2 * i));
            if (before >= 0) {
                Budget b = reservation.budgets().get(i);
                out.add(new Settled(b, b.spec().period().start(reservation.at()), Money.usd(before),
                        Money.usd(number(reply.get(2 * i + 1)))));
            }
        }
        return out;
    }

    @Override
    public void release(Reservation reservation) {
        if (reservation.budgets().isEmpty()) {
            return;
        }
        try {
            redis.run(Script.SETTLE, keys(reservation.budgets(), reservation.at()), reservation.id(), "release");
        } catch (RuntimeException e) {
            redis.outages().lost("release a budget reservation", e);
        }
    }

    /** The counter key of {@code b}'s period containing {@code at}. */
    String counterKey(Budget b, Instant at) {
        return redis.key("budget:" + b.counterId(at));
    }

    private String[] keys(List<Budget> budgets, Instant at) {
        String[] keys = new String[budgets.size() * 2];
        for (int i = 0; i < budgets.size(); i++) {
            keys[2 * i] = counterKey(budgets.get(i), at);
            keys[2 * i + 1] = keys[2 * i] + ":leases";
        }
        return keys;
    }

    private static long expireAt(Budget b, Instant at) {
        return b.spec().period().end(at).plus(KEEP_AFTER_PERIOD).getEpochSecond();
    }

    /** A 1-based Lua index as a 0-based Java one. */
    private static int index(Object luaIndex) {
        return (int) number(luaIndex) - 1;
    }

    private static long number(Object reply) {
        return reply instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(reply));
    }
}
