package dev.arbiter.core.tenancy;

import dev.arbiter.core.limits.BudgetSpec;
import dev.arbiter.core.limits.RateLimitSpec;
import java.time.Instant;
import java.util.List;

/**
 * A stored virtual key. The secret itself is never stored or shown again after issue: only its SHA-256 hash (in the
 * store) and a short {@code prefix} for people to recognise it by. {@code revokedAt} is null while the key is live.
 */
public record VirtualKey(String id, String prefix, String user, String team, List<String> allowedModels,
                         BudgetSpec budget, RateLimitSpec limits, Instant createdAt, Instant revokedAt) {
    public VirtualKey {
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The principal a request made with this key acts as. */
    public Principal principal() {
        return new Principal(id, prefix, user, team, allowedModels, budget, limits);
    }
}
