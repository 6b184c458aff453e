package dev.arbiter.core.tenancy;

import dev.arbiter.core.limits.BudgetSpec;
import dev.arbiter.core.limits.RateLimitSpec;
import java.util.List;

/**
 * Who a request is for, as the auth stage established it: the virtual key (its id and display prefix), the user and
 * team it belongs to, the models or routes it may call (empty = any), and the key's own budget and rate limits
 * (null = none). {@link #OPEN} stands for every request
 * when the gateway runs without an admin key (no keys are checked).
 */
public record Principal(String keyId, String keyPrefix, String user, String team, List<String> allowedModels,
                        BudgetSpec budget, RateLimitSpec limits) {
    public static final Principal OPEN = new Principal(null, null, null, null, List.of(), null, null);

    public Principal {
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
    }

    /** Whether this principal may call {@code modelOrRoute} (a catalog id, alias, virtual model or route name). */
    public boolean allows(String modelOrRoute) {
        return allowedModels.isEmpty() || allowedModels.contains(modelOrRoute);
    }

    public boolean isOpen() {
        return keyId == null;
    }
}
