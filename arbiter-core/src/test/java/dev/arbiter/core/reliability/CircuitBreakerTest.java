package dev.arbiter.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every transition of the per-deployment breaker, on a fake clock. */
class CircuitBreakerTest {
    private static final long FAST = Duration.ofMillis(10).toNanos();
    private static final long SLOW = Duration.ofSeconds(2).toNanos();
    /** Window 10, at least 4 calls, 50% failures or 50% slow calls (>= 1 s) open it for 30 s; 2 probes. */
    private static final BreakerSettings SETTINGS = new BreakerSettings(true, 10, 4, 0.5, Duration.ofSeconds(1), 0.5,
            Duration.ofSeconds(30), 2);

    private final FakeTime time = new FakeTime();
    private final CircuitBreaker breaker = new CircuitBreaker(SETTINGS, time);

    private void calls(int n, boolean failed, long nanos) {
        for (int i = 0; i < n; i++) {
            breaker.tryAcquire().record(failed, nanos);
        }
    }

    private void open() {
        calls(4, true, FAST);
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void staysClosedUntilTheWindowHoldsTheMinimumNumberOfCalls() {
        calls(3, true, FAST);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.snapshot().failureRate()).isEqualTo(1.0);
    }

    @Test
    void opensWhenTheFailureRateReachesTheThreshold() {
        calls(2, false, FAST);
        calls(1, true, FAST);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED); // 1 of 3: below the minimum anyway
        calls(1, true, FAST);
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN); // 2 of 4 = 50%
        assertThat(breaker.snapshot().timesOpened()).isEqualTo(1);
    }

    @Test
    void staysClosedWhileFailuresStayBelowTheThreshold() {
        for (int i = 0; i < 30; i++) {
            calls(2, false, FAST);
            calls(1, true, FAST);
        }
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.snapshot().calls()).isEqualTo(10);
    }

    @Test
    void opensWhenTooManyCallsAreSlowEvenIfTheySucceed() {
        calls(2, false, FAST);
        calls(2, false, SLOW);
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void oldOutcomesSlideOutOfTheWindow() {
        calls(1, true, FAST);
        calls(4, false, FAST);
        assertThat(breaker.snapshot().failureRate()).isEqualTo(0.2);
        calls(10, false, FAST); // the failure is evicted from the 10-call window
        assertThat(breaker.snapshot().failureRate()).isZero();
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void anOpenCircuitRefusesCallsUntilItsOpenTimeHasPassed() {
        open();
        assertThat(breaker.tryAcquire()).isNull();
        assertThat(breaker.allowsCalls()).isFalse();
        time.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquire()).isNull();
        assertThat(breaker.untilHalfOpen()).isEqualTo(Duration.ofSeconds(1));
        time.advance(Duration.ofSeconds(1));
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
    }

    @Test
    void halfOpenLetsOnlyTheProbesThrough() {
        open();
        time.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryAcquire()).isNotNull();
        assertThat(breaker.tryAcquire()).isNotNull();
        assertThat(breaker.tryAcquire()).isNull();
        assertThat(breaker.allowsCalls()).isFalse();
    }

    @Test
    void succeedingProbesCloseTheCircuitWithAFreshWindow() {
        open();
        time.advance(Duration.ofSeconds(30));
        var a = breaker.tryAcquire();
        var b = breaker.tryAcquire();
        a.record(false, FAST);
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN); // waits for every probe
        b.record(false, FAST);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.snapshot().calls()).isZero();
    }

    @Test
    void failingProbesOpenTheCircuitAgainForAnotherFullPeriod() {
        open();
        time.advance(Duration.ofSeconds(30));
        var a = breaker.tryAcquire();
        var b = breaker.tryAcquire();
        a.record(true, FAST);
        b.record(false, FAST); // 1 of 2 probes failed = 50%
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(breaker.snapshot().timesOpened()).isEqualTo(2);
        time.advance(Duration.ofSeconds(29));
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void slowProbesOpenTheCircuitAgain() {
        open();
        time.advance(Duration.ofSeconds(30));
        var a = breaker.tryAcquire();
        var b = breaker.tryAcquire();
        a.record(false, SLOW);
        b.record(false, SLOW);
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void aReleasedProbeFreesItsSlotWithoutDeciding() {
        open();
        time.advance(Duration.ofSeconds(30));
        var a = breaker.tryAcquire();
        breaker.tryAcquire();
        a.release();
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isNotNull();
    }

    @Test
    void aCallPermittedBeforeATransitionCannotMoveTheNewState() {
        var before = breaker.tryAcquire();
        open();
        time.advance(Duration.ofSeconds(30));
        var probe1 = breaker.tryAcquire();
        var probe2 = breaker.tryAcquire();
        before.record(true, SLOW); // from the closed period: ignored
        probe1.record(false, FAST);
        probe2.record(false, FAST);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void aPermitSettlesOnlyOnce() {
        var permit = breaker.tryAcquire();
        permit.record(true, FAST);
        permit.record(true, FAST);
        permit.release();
        assertThat(breaker.snapshot().calls()).isEqualTo(1);
    }

    @Test
    void aDisabledBreakerNeverOpens() {
        CircuitBreaker off = new CircuitBreaker(BreakerSettings.DISABLED, time);
        for (int i = 0; i < 100; i++) {
            off.tryAcquire().record(true, SLOW);
        }
        assertThat(off.state()).isEqualTo(BreakerState.CLOSED);
    }
}
