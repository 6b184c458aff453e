package dev.arbiter.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.limits.RateLimit;
import dev.arbiter.core.limits.RateLimitRule;
import dev.arbiter.core.limits.RateLimitSpec;
import dev.arbiter.core.limits.RatePermit;
import dev.arbiter.core.limits.RateRefusal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GCRA in a real Redis: one limit shared by two replicas, token debits, and all-or-nothing charging. */
class RedisRateLimiterTest {
    private final RedisFixture redis = new RedisFixture();
    private final RedisRateLimiter a = new RedisRateLimiter(redis.replica());
    private final RedisRateLimiter b = new RedisRateLimiter(redis.replica());

    @AfterEach
    void cleanUp() {
        redis.close();
    }

    private static RateLimit limit(RateLimitRule.Scope scope, String subject, Long rpm, Long tpm) {
        return new RateLimit(scope, subject, null, new RateLimitSpec(rpm, tpm));
    }

    @Test
    void aLimitHoldsGloballyAcrossTwoReplicas() {
        // 10 per minute: one more every 6 s, far longer than these 40 calls take
        List<RateLimit> limits = List.of(limit(RateLimitRule.Scope.TEAM, "t1", 10L, null));
        int admitted = 0;

        for (int i = 0; i < 40; i++) {
            RedisRateLimiter replica = i % 2 == 0 ? a : b;
            if (replica.acquire(limits, 0) instanceof RatePermit) {
                admitted++;
            }
        }

        assertThat(admitted).isEqualTo(10);
    }

    @Test
    void theRefusalNamesTheLimitAndWhenToRetry() {
        RateLimit model = limit(RateLimitRule.Scope.MODEL, "anthropic/claude-opus-4.6", 1L, null);
        a.acquire(List.of(model), 0);

        RateRefusal refused = (RateRefusal) b.acquire(List.of(model), 0);

        assertThat(refused.limit()).isEqualTo(model);
        assertThat(refused.kind()).isEqualTo(RateLimit.Kind.REQUESTS);
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
        assertThat(refused.message()).startsWith("model anthropic/claude-opus-4.6's rate limit of 1 requests per minute");
    }

    @Test
    void aTokenDebitOnOneReplicaHoldsOffTheOther() {
        List<RateLimit> limits = List.of(limit(RateLimitRule.Scope.KEY, "k1", null, 1_000L));
        RatePermit permit = (RatePermit) a.acquire(limits, 100);
        assertThat(b.acquire(limits, 100)).isInstanceOf(RatePermit.class);

        a.correct(permit, 900); // 800 more than estimated: the minute's 1000 tokens are used up

        RateRefusal refused = (RateRefusal) b.acquire(limits, 100);
        assertThat(refused.kind()).isEqualTo(RateLimit.Kind.TOKENS);
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
    }

    @Test
    void aRefusalChargesNothingOnTheOtherCells() {
        RateLimit key = limit(RateLimitRule.Scope.KEY, "k1", 3L, null);
        RateLimit team = limit(RateLimitRule.Scope.TEAM, "t1", 1L, null);
        assertThat(a.acquire(List.of(key, team), 0)).isInstanceOf(RatePermit.class);

        for (int i = 0; i < 5; i++) {
            assertThat(b.acquire(List.of(key, team), 0)).isInstanceOf(RateRefusal.class);
        }

        assertThat(a.acquire(List.of(key), 0)).isInstanceOf(RatePermit.class);
        assertThat(b.acquire(List.of(key), 0)).isInstanceOf(RatePermit.class);
        assertThat(a.acquire(List.of(key), 0)).isInstanceOf(RateRefusal.class);
    }

    @Test
    void aCellKeyExpiresOnceItsArrivalTimeHasPassed() {
        RateLimit key = limit(RateLimitRule.Scope.KEY, "k1", 60L, null);
        a.acquire(List.of(key), 0);

        long ttlMillis = redis.raw.sync().pttl(a.cellKey(key, RateLimit.Kind.REQUESTS));

        assertThat(ttlMillis).isBetween(1L, 2_100L); // one second's worth plus a second of slack
    }
}
