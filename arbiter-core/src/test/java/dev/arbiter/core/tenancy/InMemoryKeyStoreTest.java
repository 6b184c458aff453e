package dev.arbiter.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.limits.BudgetSpec;
import dev.arbiter.core.limits.Period;
import dev.arbiter.core.limits.RateLimitSpec;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory key store: issue, find by secret, list newest first, revoke by id or prefix. */
class InMemoryKeyStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final InMemoryKeyStore store = new InMemoryKeyStore(clock);

    static KeySpec spec(String user, String team, String... models) {
        return new KeySpec(user, team, List.of(models), new BudgetSpec(new BigDecimal("50"), Period.MONTH),
                new RateLimitSpec(60L, 100_000L));
    }

    @Test
    void anIssuedKeyIsFoundByItsSecretWithEverythingItWasIssuedWith() {
        IssuedKey issued = store.create(spec("u1", "t1", "auto"));

        VirtualKey found = store.findBySecret(issued.secret()).orElseThrow();
        assertThat(found).isEqualTo(issued.key());
        assertThat(found.prefix()).isEqualTo(issued.secret().substring(0, 12));
        assertThat(found.user()).isEqualTo("u1");
        assertThat(found.team()).isEqualTo("t1");
        assertThat(found.allowedModels()).containsExactly("auto");
        assertThat(found.budget().usd()).isEqualByComparingTo("50");
        assertThat(found.limits().rpm()).isEqualTo(60L);
        assertThat(found.createdAt()).isEqualTo(clock.instant());
        assertThat(found.revoked()).isFalse();
    }

    @Test
    void anUnknownSecretFindsNothing() {
        store.create(spec("u1", "t1"));
        assertThat(store.findBySecret(KeySecrets.generate())).isEmpty();
    }

    @Test
    void keysAreListedNewestFirst() {
        VirtualKey first = store.create(spec("u1", "t1")).key();
        clock.advance(Duration.ofMinutes(1));
        VirtualKey second = store.create(spec("u2", "t1")).key();
        assertThat(store.list()).containsExactly(second, first);
    }

    @Test
    void aKeyIsRevokedByItsIdOrItsPrefixAndStaysListed() {
        IssuedKey a = store.create(spec("u1", "t1"));
        IssuedKey b = store.create(spec("u2", "t1"));
        clock.advance(Duration.ofHours(1));

        assertThat(store.revoke(a.key().id()).orElseThrow().revokedAt()).isEqualTo(clock.instant());
        assertThat(store.revoke(b.key().prefix()).orElseThrow().revoked()).isTrue();
        assertThat(store.findBySecret(a.secret()).orElseThrow().revoked()).isTrue();
        assertThat(store.list()).hasSize(2).allMatch(VirtualKey::revoked);
    }

    @Test
    void revokingTwiceKeepsTheFirstRevocationTime() {
        IssuedKey a = store.create(spec("u1", "t1"));
        Instant first = store.revoke(a.key().id()).orElseThrow().revokedAt();
        clock.advance(Duration.ofDays(1));
        assertThat(store.revoke(a.key().id()).orElseThrow().revokedAt()).isEqualTo(first);
    }

    @Test
    void revokingAKeyThatDoesNotExistFindsNothing() {
        assertThat(store.revoke("key_nothing")).isEmpty();
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
