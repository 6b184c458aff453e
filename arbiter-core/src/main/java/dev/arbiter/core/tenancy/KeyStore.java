package dev.arbiter.core.tenancy;

import java.util.List;
import java.util.Optional;

/** Where virtual keys live (in memory for tests, SQLite or PostgreSQL in arbiter-store). Thread-safe. */
public interface KeyStore {
    /** Issues a new key for the spec; the returned secret is the only copy of it. */
    IssuedKey create(KeySpec spec);

    /** The key whose secret this is (revoked keys included, so callers can say "revoked"), if any. */
    Optional<VirtualKey> findBySecret(String secret);

    /** Every key, newest first, revoked ones included. */
    List<VirtualKey> list();

    /** Revokes the key with this id or prefix; empty when there is no such key. Revoking twice is harmless. */
    Optional<VirtualKey> revoke(String idOrPrefix);
}
