package dev.arbiter.core.limits;

import static dev.arbiter.core.limits.Budgets.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reserve, settle and release on in-memory counters: hierarchy, periods, seeding, leases and the overrun bound. */
class SpendCountersTest {
    private final FakeClock clock = new FakeClock("2026-05-17T10:00:00Z");
    // the seeder runs outside the counters' lock, so concurrent first reservations call it concurrently
    private final List<String> seeded = new CopyOnWriteArrayList<>();
    private final InMemorySpendCounters counters = new InMemorySpendCounters(clock, (budget, start) -> {
        seeded.add(budget.name() + "@" + start);
        return BigDecimal.ZERO;
    });

    private Reservation reserve(List<Budget> budgets, String estimate) {
        return (Reservation) counters.reserve(budgets, usd(estimate));
    }

    @Test
    void aReservationHoldsTheEstimateUntilSettledWithTheRealCost() {
        Budget team = Budgets.team("t1", "1.00");
        Reservation r = reserve(List.of(team), "0.60");
        assertThat(counters.reserve(List.of(team), usd("0.50"))).isInstanceOf(BudgetRefusal.class);

        List<Settled> settled = counters.settle(r, usd("0.10"));

        assertThat(settled).singleElement().satisfies(s -> {
            assertThat(s.before()).isEqualByComparingTo("0");
            assertThat(s.after()).isEqualByComparingTo("0.10");
            assertThat(s.periodStart()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
        });
        assertThat(counters.reserve(List.of(team), usd("0.90"))).isInstanceOf(Reservation.class);
    }

    @Test
    void aReleasedReservationSpendsNothing() {
        Budget team = Budgets.team("t1", "1.00");
        Reservation r = reserve(List.of(team), "1.00");

        counters.release(r);

        assertThat(counters.reserve(List.of(team), usd("1.00"))).isInstanceOf(Reservation.class);
    }

    @Test
    void theTeamBudgetRefusesEvenThoughTheKeyBudgetHasRoom() {
        Budget key = Budgets.key("k1", "50");
        Budget team = Budgets.team("t1", "1.00");
        counters.settle(reserve(List.of(Budgets.key("k2", "50"), team), "0.95"), usd("0.95"));

        BudgetRefusal refused = (BudgetRefusal) counters.reserve(List.of(key, team), usd("0.10"));

        assertThat(refused.budget()).isEqualTo(team);
        assertThat(refused.message()).isEqualTo("team t1's monthly budget of $1.00 is exhausted ($0.95 spent, $0.00"
                + " reserved by requests in flight; this request needs up to $0.10)");
    }

    @Test
    void aRefusalReservesNothingOnTheOtherBudgets() {
        Budget key = Budgets.key("k1", "1.00");
        Budget team = Budgets.team("t1", "0.10");

        for (int i = 0; i < 5; i++) {
            assertThat(counters.reserve(List.of(key, team), usd("0.50"))).isInstanceOf(BudgetRefusal.class);
        }

        assertThat(counters.reserve(List.of(key), usd("1.00"))).isInstanceOf(Reservation.class);
    }

    @Test
    void aNewPeriodStartsFromZero() {
        Budget daily = Budgets.key("k1", "1.00");
        counters.settle(reserve(List.of(daily), "1.00"), usd("1.00"));
        assertThat(counters.reserve(List.of(daily), usd("0.01"))).isInstanceOf(BudgetRefusal.class);

        clock.set("2026-05-18T00:00:00Z");

        assertThat(counters.reserve(List.of(daily), usd("1.00"))).isInstanceOf(Reservation.class);
    }

    @Test
    void aSettleAfterMidnightLandsOnThePeriodThatWasCharged() {
        Budget daily = Budgets.key("k1", "1.00");
        Reservation r = reserve(List.of(daily), "0.50");
        clock.set("2026-05-18T00:00:05Z");

        Settled s = counters.settle(r, usd("0.40")).getFirst();

        assertThat(s.periodStart()).isEqualTo(Instant.parse("2026-05-17T00:00:00Z"));
        assertThat(counters.reserve(List.of(daily), usd("1.00"))).isInstanceOf(Reservation.class);
    }

    @Test
    void aCounterIsSeededFromTheLedgerOnceWhenFirstTouched() {
        InMemorySpendCounters fromLedger = new InMemorySpendCounters(clock, (budget, start) -> {
            seeded.add(budget.name() + "@" + start);
            return usd("0.70");
        });
        Budget team = Budgets.team("t1", "1.00");

        assertThat(fromLedger.reserve(List.of(team), usd("0.40"))).isInstanceOf(BudgetRefusal.class);
        assertThat(fromLedger.reserve(List.of(team), usd("0.30"))).isInstanceOf(Reservation.class);

        assertThat(seeded).containsExactly("team t1@2026-05-01T00:00:00Z");
    }

    @Test
    void anUnreadableLedgerIsA503NotAnEmptyBudget() {
        InMemorySpendCounters broken = new InMemorySpendCounters(clock, (budget, start) -> {
            throw new IllegalStateException("database is down");
        });

        assertThatThrownBy(() -> broken.reserve(List.of(Budgets.team("t1", "1")), usd("0.1")))
                .isInstanceOfSatisfying(ArbiterException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.GATEWAY_LIMITS_UNAVAILABLE));
    }

    @Test
    void aReservationNeverSettledStopsCountingAfterItsLease() {
        Budget team = Budgets.team("t1", "1.00");
        reserve(List.of(team), "1.00"); // its process died
        assertThat(counters.reserve(List.of(team), usd("0.50"))).isInstanceOf(BudgetRefusal.class);

        clock.advance(SpendCounters.DEFAULT_LEASE);

        assertThat(counters.reserve(List.of(team), usd("1.00"))).isInstanceOf(Reservation.class);
    }

    @Test
    void aSettleAfterTheLeaseStillCountsTheCostOnce() {
        Budget team = Budgets.team("t1", "1.00");
        Reservation slow = reserve(List.of(team), "0.50");
        clock.advance(SpendCounters.DEFAULT_LEASE.plus(Duration.ofMinutes(1)));

        counters.settle(slow, usd("0.50"));

        assertThat(counters.reserve(List.of(team), usd("0.51"))).isInstanceOf(BudgetRefusal.class);
        assertThat(counters.reserve(List.of(team), usd("0.50"))).isInstanceOf(Reservation.class);
    }

    @Test
    void costsAreCountedInWholeMicroDollarsRoundedUp() {
        Budget team = Budgets.team("t1", "0.000002");
        counters.settle(reserve(List.of(team), "0"), usd("0.0000001"));

        assertThat(counters.reserve(List.of(team), usd("0.000001"))).isInstanceOf(Reservation.class);
        assertThat(counters.reserve(List.of(team), usd("0.000001"))).isInstanceOf(BudgetRefusal.class);
    }

    @Test
    void manyThreadsAgainstOneBudgetNeverSettleMoreThanTheLimit() throws Exception {
        Budget team = Budgets.team("t1", "10.00");
        AtomicInteger admitted = new AtomicInteger();
        SpendProof.Result result = SpendProof.run(16, 300, () -> {
            if (counters.reserve(List.of(Budgets.key("k" + Thread.currentThread().threadId(), "100"), team),
                    usd("0.05")) instanceof Reservation r) {
                admitted.incrementAndGet();
                return r;
            }
            return null;
        }, counters::settle, usd("0.05"));

        assertThat(result.settled()).isLessThanOrEqualTo(usd("10.00"));
        assertThat(result.settled()).isGreaterThan(usd("5.00")); // the budget was really contended and used
        assertThat(admitted.get()).isEqualTo(result.admitted());
        assertThat(counters.reserve(List.of(team), usd("10.00").subtract(result.settled()).add(usd("0.000001"))))
                .isInstanceOf(BudgetRefusal.class);
    }

    @Test
    void whenRequestsCostMoreThanEstimatedTheOverrunIsBoundedByWhatWasInFlight() throws Exception {
        Budget team = Budgets.team("t1", "10.00");
        int threads = 16; // each thread has at most one request in flight

        SpendProof.Result result = SpendProof.run(threads, 300,
                () -> counters.reserve(List.of(team), usd("0.05")) instanceof Reservation r ? r : null,
                counters::settle, usd("0.10")); // real costs up to twice the estimate

        // the last admission left room for its own estimate; only requests then in flight settle after it,
        // each at most $0.05 over its estimate
        BigDecimal inFlightExcess = usd("0.05").multiply(BigDecimal.valueOf(threads));
        assertThat(result.settled()).isLessThanOrEqualTo(usd("10.00").add(inFlightExcess));
    }
}
