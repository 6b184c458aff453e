package dev.arbiter.core.tenancy;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Virtual keys held in memory by secret hash (tests, and a gateway run without storage); lost on restart. */
public final class InMemoryKeyStore implements KeyStore {
    private final Map<String, VirtualKey> byHash = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryKeyStore() {
        this(Clock.systemUTC());
    }

    public InMemoryKeyStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public IssuedKey create(KeySpec spec) {
        String secret = KeySecrets.generate();
        VirtualKey key = new VirtualKey(KeySecrets.newId(), KeySecrets.prefix(secret), spec.user(), spec.team(),
                spec.allowedModels(), spec.budget(), spec.limits(), now(), null);
        byHash.put(KeySecrets.hash(secret), key);
        return new IssuedKey(key, secret);
    }

    @Override
    public Optional<VirtualKey> findBySecret(String secret) {
        return Optional.ofNullable(byHash.get(KeySecrets.hash(secret)));
    }

    @Override
    public List<VirtualKey> list() {
        List<VirtualKey> keys = new ArrayList<>(byHash.values());
        keys.sort(Comparator.comparing(VirtualKey::createdAt).reversed().thenComparing(VirtualKey::id));
        return keys;
    }

    @Override
    public synchronized Optional<VirtualKey> revoke(String idOrPrefix) {
        List<Map.Entry<String, VirtualKey>> matches = byHash.entrySet().stream()
                .filter(e -> e.getValue().id().equals(idOrPrefix)).toList();
        if (matches.isEmpty()) {
            matches = byHash.entrySet().stream().filter(e -> e.getValue().prefix().equals(idOrPrefix)).toList();
        }
        if (matches.size() > 1) {
            throw ambiguous(idOrPrefix, matches.size());
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, VirtualKey> match = matches.getFirst();
        VirtualKey key = match.getValue();
        if (!key.revoked()) {
            key = new VirtualKey(key.id(), key.prefix(), key.user(), key.team(), key.allowedModels(), key.budget(),
                    key.limits(), key.createdAt(), now());
            byHash.put(match.getKey(), key);
        }
        return Optional.of(key);
    }

    /** Two keys can share a 12-character prefix (rarely); revoking one of them then needs its id. */
    static ArbiterException ambiguous(String prefix, int count) {
        return new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "The prefix '" + prefix + "' matches " + count
                + " keys; name the key by its id instead (GET /admin/keys or `arbiter keys list` shows ids).",
                "id", "ambiguous_key", null);
    }

    /** Millisecond precision, as the SQL stores keep it, so every store lists the same instants. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
