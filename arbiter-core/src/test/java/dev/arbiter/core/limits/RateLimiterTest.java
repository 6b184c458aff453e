package dev.arbiter.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory GCRA limiter on a fake clock: bursts, refill, token debits and which limit refused. */
class RateLimiterTest {
    private final FakeClock clock = new FakeClock("2026-05-04T10:00:00Z");
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);

    private static RateLimit rpm(String subject, long rpm) {
        return new RateLimit(RateLimitRule.Scope.KEY, subject, null, new RateLimitSpec(rpm, null));
    }

    private static RateLimit tpm(String subject, long tpm) {
        return new RateLimit(RateLimitRule.Scope.TEAM, subject, null, new RateLimitSpec(null, tpm));
    }

    private int admitted(List<RateLimit> limits, long tokens, int tries) {
        int ok = 0;
        for (int i = 0; i < tries; i++) {
            if (limiter.acquire(limits, tokens) instanceof RatePermit) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void aFullMinuteOfRequestsPassesAtOnceAndTheNextWaitsForOneInterval() {
        List<RateLimit> limits = List.of(rpm("k1", 60));

        assertThat(admitted(limits, 0, 100)).isEqualTo(60);

        RateRefusal refused = (RateRefusal) limiter.acquire(limits, 0);
        assertThat(refused.kind()).isEqualTo(RateLimit.Kind.REQUESTS);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(admitted(limits, 0, 5)).isEqualTo(1);
    }

    @Test
    void theLimitRefillsAtItsRateNotAllAtOnce() {
        List<RateLimit> limits = List.of(rpm("k1", 600));
        assertThat(admitted(limits, 0, 600)).isEqualTo(600);

        clock.advance(Duration.ofSeconds(3));

        assertThat(admitted(limits, 0, 100)).isEqualTo(30);
    }

    @Test
    void eachSubjectHasItsOwnCell() {
        assertThat(admitted(List.of(rpm("k1", 2)), 0, 5)).isEqualTo(2);
        assertThat(admitted(List.of(rpm("k2", 2)), 0, 5)).isEqualTo(2);
    }

    @Test
    void tokensAreChargedWithTheEstimateAndTheActualUsageDebitsTheRest() {
        List<RateLimit> limits = List.of(tpm("t1", 1_000));
        RatePermit first = (RatePermit) limiter.acquire(limits, 100);

        limiter.correct(first, 1_000); // the answer was long: 900 more tokens than estimated

        RateRefusal refused = (RateRefusal) limiter.acquire(limits, 100);
        assertThat(refused.kind()).isEqualTo(RateLimit.Kind.TOKENS);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(6)); // 100 tokens at 1000/min
    }

    @Test
    void aSmallerActualUsageGivesTheDifferenceBack() {
        List<RateLimit> limits = List.of(tpm("t1", 1_000));
        RatePermit first = (RatePermit) limiter.acquire(limits, 1_000);
        assertThat(limiter.acquire(limits, 500)).isInstanceOf(RateRefusal.class);

        limiter.correct(first, 400);

        assertThat(limiter.acquire(limits, 500)).isInstanceOf(RatePermit.class);
    }

    @Test
    void aRequestLargerThanAMinuteOfTokensPassesOnlyWhenTheCellIsIdleAndHoldsItShutAfterwards() {
        List<RateLimit> limits = List.of(tpm("t1", 1_000));
        assertThat(limiter.acquire(limits, 3_000)).isInstanceOf(RatePermit.class);

        RateRefusal refused = (RateRefusal) limiter.acquire(limits, 10);

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(120).plus(Duration.ofMillis(600)));
    }

    @Test
    void aRefusalChargesNothingOnTheOtherLimits() {
        RateLimit key = rpm("k1", 100);
        RateLimit team = new RateLimit(RateLimitRule.Scope.TEAM, "t1", null, new RateLimitSpec(1L, null));
        assertThat(limiter.acquire(List.of(key, team), 0)).isInstanceOf(RatePermit.class);

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire(List.of(key, team), 0)).isInstanceOf(RateRefusal.class);
        }

        assertThat(admitted(List.of(key), 0, 200)).isEqualTo(99);
    }

    @Test
    void theRefusalNamesTheLimitAndCarriesRetryAfterInWholeSeconds() {
        RateLimit team = new RateLimit(RateLimitRule.Scope.TEAM, "t1", null, new RateLimitSpec(null, 200_000L));
        limiter.acquire(List.of(team), 200_000);
        RateRefusal refused = (RateRefusal) limiter.acquire(List.of(team), 1_000);

        ArbiterException e = refused.toException();

        assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_RATE_LIMITED);
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.code()).isEqualTo("tpm_exceeded");
        assertThat(e.getMessage()).isEqualTo("team t1's rate limit of 200000 tokens per minute is reached; retry in 1 s.");
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theLongestWaitIsReportedWhenSeveralLimitsRefuse() {
        RateLimit fast = rpm("k1", 60);
        RateLimit slow = new RateLimit(RateLimitRule.Scope.MODEL, "m", null, new RateLimitSpec(1L, null));
        limiter.acquire(List.of(fast, slow), 0);
        admitted(List.of(fast), 0, 59);

        RateRefusal refused = (RateRefusal) limiter.acquire(List.of(fast, slow), 0);

        assertThat(refused.limit()).isEqualTo(slow);
        assertThat(refused.retryAfterSeconds()).isEqualTo(60);
    }
}
