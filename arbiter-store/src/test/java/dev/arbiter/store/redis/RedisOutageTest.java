package dev.arbiter.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.limits.Budget;
import dev.arbiter.core.limits.BudgetRule;
import dev.arbiter.core.limits.BudgetSpec;
import dev.arbiter.core.limits.Period;
import dev.arbiter.core.limits.RateLimit;
import dev.arbiter.core.limits.RateLimitRule;
import dev.arbiter.core.limits.RateLimitSpec;
import dev.arbiter.core.limits.RatePermit;
import dev.arbiter.core.limits.RedisSettings;
import dev.arbiter.core.limits.Reservation;
import dev.arbiter.core.limits.SpendHistory;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What requests get while Redis cannot be reached: fail-open lets them through and counts, fail-closed is a 503. */
class RedisOutageTest {
    private static final List<Budget> TEAM = List.of(new Budget(BudgetRule.Scope.TEAM, "t1", null,
            new BudgetSpec(BigDecimal.ONE, Period.MONTH), List.of(), null));
    private static final List<RateLimit> LIMITS = List.of(new RateLimit(RateLimitRule.Scope.KEY, "k1", null,
            new RateLimitSpec(1L, null)));

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static RedisLimits unreachable(RedisSettings.OnUnavailable policy) throws IOException {
        return RedisLimits.open(new RedisSettings("redis://127.0.0.1:" + closedPort(), policy, Duration.ofMillis(200),
                "test:"));
    }

    @Test
    void failOpenLetsRequestsThroughUncheckedAndCountsThem() throws IOException {
        try (RedisLimits redis = unreachable(RedisSettings.OnUnavailable.FAIL_OPEN)) {
            RedisSpendCounters counters = new RedisSpendCounters(redis, SpendHistory.NONE, InstantSource.system());
            RedisRateLimiter limiter = new RedisRateLimiter(redis);

            Reservation r = (Reservation) counters.reserve(TEAM, BigDecimal.ONE);
            assertThat(limiter.acquire(LIMITS, 10)).isInstanceOf(RatePermit.class);
            assertThat(limiter.acquire(LIMITS, 10)).isInstanceOf(RatePermit.class); // rpm 1, yet unchecked
            assertThatCode(() -> counters.settle(r, BigDecimal.ONE)).doesNotThrowAnyException();

            assertThat(redis.outages().admittedUnchecked()).isEqualTo(3);
            assertThat(redis.outages().failures()).isEqualTo(4);
            assertThat(redis.outages().refused()).isZero();
        }
    }

    @Test
    void failClosedRefusesWith503() throws IOException {
        try (RedisLimits redis = unreachable(RedisSettings.OnUnavailable.FAIL_CLOSED)) {
            RedisSpendCounters counters = new RedisSpendCounters(redis, SpendHistory.NONE, InstantSource.system());
            RedisRateLimiter limiter = new RedisRateLimiter(redis);

            ArbiterException budget = assertThrows(ArbiterException.class, () -> counters.reserve(TEAM, BigDecimal.ONE));
            ArbiterException rate = assertThrows(ArbiterException.class, () -> limiter.acquire(LIMITS, 10));

            assertThat(List.of(budget.kind(), rate.kind())).containsOnly(ErrorKind.GATEWAY_LIMITS_UNAVAILABLE);
            assertThat(budget.status()).isEqualTo(503);
            assertThat(budget.code()).isEqualTo("limits_unavailable");
            assertThat(redis.outages().refused()).isEqualTo(2);
        }
    }

    @Test
    void aRedisThatAcceptsButNeverAnswersCountsAsUnavailableAfterTheTimeout() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // keep the connection open, say nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            RedisSettings settings = new RedisSettings("redis://127.0.0.1:" + silent.getLocalPort(),
                    RedisSettings.OnUnavailable.FAIL_CLOSED, Duration.ofMillis(200), "test:");
            try (RedisLimits redis = RedisLimits.open(settings)) {
                long started = System.nanoTime();

                ArbiterException e = assertThrows(ArbiterException.class, () -> new RedisRateLimiter(redis).acquire(LIMITS, 10));

                assertThat(e.kind()).isEqualTo(ErrorKind.GATEWAY_LIMITS_UNAVAILABLE);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            }
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
