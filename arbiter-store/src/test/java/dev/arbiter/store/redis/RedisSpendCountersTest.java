package dev.arbiter.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.limits.Budget;
import dev.arbiter.core.limits.BudgetRefusal;
import dev.arbiter.core.limits.BudgetRule;
import dev.arbiter.core.limits.BudgetSpec;
import dev.arbiter.core.limits.Period;
import dev.arbiter.core.limits.Reservation;
import dev.arbiter.core.limits.Settled;
import dev.arbiter.core.limits.SpendCounters;
import dev.arbiter.core.limits.SpendHistory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Budget counters shared in a real Redis: reserve/settle/release, seeding, leases, and two replicas racing. */
class RedisSpendCountersTest {
    private final RedisFixture redis = new RedisFixture();
    private final FakeClock clock = new FakeClock();
    private final RedisSpendCounters counters = new RedisSpendCounters(redis.replica(), SpendHistory.NONE, clock);

    @AfterEach
    void cleanUp() {
        redis.close();
    }

    private static Budget budget(BudgetRule.Scope scope, String subject, String usd, Period period) {
        return new Budget(scope, subject, null, new BudgetSpec(new BigDecimal(usd), period), List.of(), null);
    }

    private static Budget team(String usd) {
        return budget(BudgetRule.Scope.TEAM, "t1", usd, Period.MONTH);
    }

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void aReservationHoldsTheEstimateUntilSettledWithTheRealCost() {
        Reservation r = (Reservation) counters.reserve(List.of(team("1.00")), usd("0.60"));
        assertThat(counters.reserve(List.of(team("1.00")), usd("0.50"))).isInstanceOf(BudgetRefusal.class);

        List<Settled> settled = counters.settle(r, usd("0.10"));

        assertThat(settled).singleElement().satisfies(s -> {
            assertThat(s.before()).isEqualByComparingTo("0");
            assertThat(s.after()).isEqualByComparingTo("0.10");
            assertThat(s.periodStart()).isEqualTo(Instant.parse("2031-05-01T00:00:00Z"));
        });
        assertThat(counters.reserve(List.of(team("1.00")), usd("0.90"))).isInstanceOf(Reservation.class);
    }

    @Test
    void aReleasedReservationSpendsNothing() {
        Reservation r = (Reservation) counters.reserve(List.of(team("1.00")), usd("1.00"));

        counters.release(r);

        assertThat(counters.reserve(List.of(team("1.00")), usd("1.00"))).isInstanceOf(Reservation.class);
    }

    @Test
    void theTeamBudgetRefusesEvenThoughTheKeyBudgetHasRoomAndTheKeyKeepsNothing() {
        Budget key = budget(BudgetRule.Scope.KEY, "k1", "50", Period.DAY);
        counters.settle((Reservation) counters.reserve(List.of(team("1.00")), usd("0.95")), usd("0.95"));

        BudgetRefusal refused = (BudgetRefusal) counters.reserve(List.of(key, team("1.00")), usd("0.10"));

        assertThat(refused.message()).isEqualTo("team t1's monthly budget of $1.00 is exhausted ($0.95 spent, $0.00"
                + " reserved by requests in flight; this request needs up to $0.10)");
        assertThat(counters.reserve(List.of(key), usd("50"))).isInstanceOf(Reservation.class);
    }

    @Test
    void keysCarryThePeriodStartAndExpireADayAfterThePeriodEnds() {
        counters.reserve(List.of(team("1.00")), usd("0.10"));
        String key = redis.prefix + "budget:team:month:2031-05-01:t1";

        long expiresAt = redis.raw.sync().expiretime(key);

        assertThat(expiresAt).isEqualTo(Instant.parse("2031-06-02T00:00:00Z").getEpochSecond());
        assertThat(redis.raw.sync().expiretime(key + ":leases")).isEqualTo(expiresAt);
        assertThat(redis.raw.sync().hget(key, "reserved")).isEqualTo("100000");
    }

    @Test
    void aCounterIsSeededFromTheLedgerOnceAcrossReplicas() {
        List<String> reads = new ArrayList<>();
        RedisSpendCounters a = new RedisSpendCounters(redis.replica(), (b, start) -> {
            reads.add("a " + b.name() + "@" + start);
            return usd("0.70");
        }, clock);
        RedisSpendCounters b = new RedisSpendCounters(redis.replica(), (bud, start) -> {
            reads.add("b " + bud.name() + "@" + start);
            return usd("0.10");
        }, clock);

        assertThat(a.reserve(List.of(team("1.00")), usd("0.30"))).isInstanceOf(Reservation.class);
        assertThat(b.reserve(List.of(team("1.00")), usd("0.01"))).isInstanceOf(BudgetRefusal.class);

        assertThat(reads).containsExactly("a team t1@2031-05-01T00:00:00Z");
    }

    @Test
    void aReservationNeverSettledStopsCountingAfterItsLease() {
        counters.reserve(List.of(team("1.00")), usd("1.00")); // its replica died
        assertThat(counters.reserve(List.of(team("1.00")), usd("0.50"))).isInstanceOf(BudgetRefusal.class);

        clock.advance(SpendCounters.DEFAULT_LEASE);

        assertThat(counters.reserve(List.of(team("1.00")), usd("1.00"))).isInstanceOf(Reservation.class);
    }

    @Test
    void twoReplicasHammeringOneBudgetNeverSettleMoreThanTheLimit() throws Exception {
        RedisSpendCounters[] replicas = {
                new RedisSpendCounters(redis.replica(), SpendHistory.NONE, clock),
                new RedisSpendCounters(redis.replica(), SpendHistory.NONE, clock)};
        Budget budget = team("5.00");
        BigDecimal estimate = usd("0.05");
        AtomicInteger turn = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<BigDecimal>> threads = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (int t = 0; t < 12; t++) {
                RedisSpendCounters replica = replicas[turn.getAndIncrement() % 2];
                threads.add(pool.submit(spender(replica, budget, estimate, start)));
            }
            start.countDown();
            BigDecimal settled = BigDecimal.ZERO;
            for (Future<BigDecimal> f : threads) {
                settled = settled.add(f.get());
            }

            assertThat(settled).isLessThanOrEqualTo(usd("5.00")).isGreaterThan(usd("2.50"));
            String spent = redis.raw.sync().hget(redis.prefix + "budget:team:month:2031-05-01:t1", "spent");
            assertThat(new BigDecimal(spent).movePointLeft(6)).isEqualByComparingTo(settled);
            assertThat(redis.raw.sync().hget(redis.prefix + "budget:team:month:2031-05-01:t1", "reserved")).isEqualTo("0");
        }
    }

    /** 80 rounds of reserve, then settle a random cost up to the estimate; returns what it settled. */
    private static Callable<BigDecimal> spender(RedisSpendCounters counters, Budget budget, BigDecimal estimate,
                                                CountDownLatch start) {
        return () -> {
            start.await();
            BigDecimal settled = BigDecimal.ZERO;
            for (int i = 0; i < 80; i++) {
                if (counters.reserve(List.of(budget), estimate) instanceof Reservation r) {
                    BigDecimal actual = estimate.multiply(BigDecimal.valueOf(ThreadLocalRandom.current().nextInt(101)))
                            .divide(BigDecimal.valueOf(100), 6, RoundingMode.DOWN);
                    counters.settle(r, actual);
                    settled = settled.add(actual);
                }
            }
            return settled;
        };
    }
}
