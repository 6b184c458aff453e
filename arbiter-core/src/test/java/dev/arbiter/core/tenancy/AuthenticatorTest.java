package dev.arbiter.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Secrets to principals through a cache whose TTL bounds how late a revoke from elsewhere lands. */
class AuthenticatorTest {
    private static final Duration TTL = Duration.ofSeconds(5);

    private final CountingKeyStore store = new CountingKeyStore();
    private final AtomicLong nanos = new AtomicLong();
    private final Authenticator auth = new Authenticator(store, TTL, nanos::get);

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    private static ArbiterException failure(Runnable call) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(call::run).isInstanceOf(ArbiterException.class).satisfies(t -> caught[0] = t);
        return (ArbiterException) caught[0];
    }

    @Test
    void aLiveKeyResolvesToItsPrincipal() {
        IssuedKey issued = store.create(InMemoryKeyStoreTest.spec("u1", "t1", "auto"));
        Principal principal = auth.authenticate(issued.secret());
        assertThat(principal).isEqualTo(issued.key().principal());
        assertThat(principal.isOpen()).isFalse();
    }

    @Test
    void repeatedLookupsWithinTheTtlAskTheStoreOnce() {
        IssuedKey issued = store.create(InMemoryKeyStoreTest.spec("u1", "t1"));
        for (int i = 0; i < 10; i++) {
            auth.authenticate(issued.secret());
        }
        assertThat(store.lookups).hasValue(1);
        advance(TTL.plusMillis(1));
        auth.authenticate(issued.secret());
        assertThat(store.lookups).hasValue(2);
    }

    @Test
    void aRevokeMadeElsewhereLandsOnceTheCachedLookupExpires() {
        IssuedKey issued = store.create(InMemoryKeyStoreTest.spec("u1", "t1"));
        auth.authenticate(issued.secret());
        store.revoke(issued.key().id());

        auth.authenticate(issued.secret()); // still cached: the revoke is not seen yet
        advance(TTL.plusMillis(1));
        assertThat(failure(() -> auth.authenticate(issued.secret())).code()).isEqualTo("revoked_api_key");
    }

    @Test
    void invalidatingARevokedKeyAppliesTheRevokeAtOnce() {
        IssuedKey issued = store.create(InMemoryKeyStoreTest.spec("u1", "t1"));
        IssuedKey other = store.create(InMemoryKeyStoreTest.spec("u2", "t1"));
        auth.authenticate(issued.secret());
        auth.authenticate(other.secret());

        auth.invalidate(store.revoke(issued.key().id()).orElseThrow());

        ArbiterException e = failure(() -> auth.authenticate(issued.secret()));
        assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_UNAUTHORIZED);
        assertThat(e.getMessage()).contains(issued.key().prefix()).contains("revoked");
        auth.authenticate(other.secret());
        assertThat(store.lookups).hasValue(3); // the other key stayed cached
    }

    @Test
    void anUnknownKeyIsRefusedWith401AndTheMissIsCachedToo() {
        String secret = KeySecrets.generate();
        ArbiterException e = failure(() -> auth.authenticate(secret));
        assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_UNAUTHORIZED);
        assertThat(e.code()).isEqualTo("invalid_api_key");
        assertThat(e.getMessage()).contains(KeySecrets.prefix(secret)).contains("not known").doesNotContain(secret);
        failure(() -> auth.authenticate(secret));
        assertThat(store.lookups).hasValue(1);
    }

    @Test
    void aProviderKeyIsRefusedWithAMessageSayingItIsNotAnArbiterKey() {
        ArbiterException e = failure(() -> auth.authenticate("sk-proj-0123456789abcdef"));
        assertThat(e.getMessage()).contains("not an Arbiter virtual key").doesNotContain("0123456789abcdef");
    }

    @Test
    void aFailingStoreIsA503AndIsNotCached() {
        IssuedKey issued = store.create(InMemoryKeyStoreTest.spec("u1", "t1"));
        store.down = true;
        ArbiterException e = failure(() -> auth.authenticate(issued.secret()));
        assertThat(e.kind()).isEqualTo(ErrorKind.GATEWAY_NOT_READY);
        assertThat(e.code()).isEqualTo("key_store_unavailable");
        store.down = false;
        assertThat(auth.authenticate(issued.secret()).user()).isEqualTo("u1");
    }

    @Test
    void aZeroTtlAsksTheStoreEveryTime() {
        Authenticator uncached = new Authenticator(store, Duration.ZERO);
        IssuedKey issued = store.create(InMemoryKeyStoreTest.spec("u1", "t1"));
        uncached.authenticate(issued.secret());
        uncached.authenticate(issued.secret());
        assertThat(store.lookups).hasValue(2);
    }
}
