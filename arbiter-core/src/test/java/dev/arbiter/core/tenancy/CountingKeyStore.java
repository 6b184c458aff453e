package dev.arbiter.core.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory store that counts lookups by secret and can be made to fail, to see what the cache spares. */
final class CountingKeyStore implements KeyStore {
    final InMemoryKeyStore inner = new InMemoryKeyStore();
    final AtomicInteger lookups = new AtomicInteger();
    volatile boolean down;

    @Override
    public IssuedKey create(KeySpec spec) {
        return inner.create(spec);
    }

    @Override
    public Optional<VirtualKey> findBySecret(String secret) {
        lookups.incrementAndGet();
        if (down) {
            throw new IllegalStateException("connection refused");
        }
        return inner.findBySecret(secret);
    }

    @Override
    public List<VirtualKey> list() {
        return inner.list();
    }

    @Override
    public Optional<VirtualKey> revoke(String idOrPrefix) {
        return inner.revoke(idOrPrefix);
    }
}
