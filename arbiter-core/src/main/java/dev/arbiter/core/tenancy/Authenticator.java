package dev.arbiter.core.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/**
 * Resolves a presented secret to the {@link Principal} it acts as, or a 401 saying why not (unknown or revoked).
 * Lookups, misses included, are cached by secret hash for {@code keyCache} (zero = no cache), so a busy gateway
 * does not ask the store on every request; that TTL bounds how late a revoke made by another process takes effect.
 * A revoke made through this process's admin API calls {@link #invalidate} and takes effect at once.
 */
public final class Authenticator {
    private static final System.Logger LOG = System.getLogger(Authenticator.class.getName());
    /** Bounds memory when someone sprays random keys (misses are cached too, to spare the store). */
    private static final long MAX_CACHED = 100_000;

    private final KeyStore store;
    private final Cache<String, Optional<VirtualKey>> cache;

    public Authenticator(KeyStore store, Duration keyCache) {
        this(store, keyCache, Ticker.systemTicker());
    }

    Authenticator(KeyStore store, Duration keyCache, Ticker ticker) {
        if (keyCache.isNegative()) {
            throw new IllegalArgumentException("the key cache duration must not be negative, got " + keyCache);
        }
        this.store = store;
        this.cache = keyCache.isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(keyCache).maximumSize(MAX_CACHED).ticker(ticker).build();
    }

    /** The principal of a live key; a 401 for an unknown or revoked one, a 503 when the store cannot be asked. */
    public Principal authenticate(String secret) {
        VirtualKey key = lookup(secret).orElseThrow(() -> unknown(secret));
        if (key.revoked()) {
            throw new ArbiterException(ErrorKind.CALLER_UNAUTHORIZED, "The API key " + key.prefix()
                    + "… was revoked on " + key.revokedAt() + "; ask your gateway admin for a new key.",
                    null, "revoked_api_key", null);
        }
        return key.principal();
    }

    /** Forgets every cached lookup of this key (by id), so its revocation applies to the next request. */
    public void invalidate(VirtualKey key) {
        if (cache != null) {
            cache.asMap().values().removeIf(cached -> cached.isPresent() && cached.get().id().equals(key.id()));
        }
    }

    /** Forgets every cached lookup. */
    public void invalidateAll() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    private Optional<VirtualKey> lookup(String secret) {
        if (cache == null) {
            return fromStore(secret);
        }
        return cache.get(KeySecrets.hash(secret), hash -> fromStore(secret));
    }

    private Optional<VirtualKey> fromStore(String secret) {
        try {
            return store.findBySecret(secret);
        } catch (ArbiterException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "cannot look up an API key in the key store", e);
            throw new ArbiterException(ErrorKind.GATEWAY_NOT_READY, "The gateway cannot check API keys right now:"
                    + " its key store is unavailable (the failure was logged). Try again shortly.",
                    null, "key_store_unavailable", null);
        }
    }

    private static ArbiterException unknown(String secret) {
        String message = KeySecrets.looksLikeKey(secret)
                ? "The API key " + KeySecrets.prefix(secret) + "… is not known to this gateway (check it was copied"
                        + " whole; keys are shown once, when issued)."
                : "The API key is not an Arbiter virtual key (they start with " + KeySecrets.SCHEME + "): this gateway"
                        + " needs a key issued by its admin (POST /admin/keys or `arbiter keys create`), not a"
                        + " provider's API key or the admin key.";
        return new ArbiterException(ErrorKind.CALLER_UNAUTHORIZED, message, null, "invalid_api_key", null);
    }
}
