package dev.arbiter.core.tenancy;

import dev.arbiter.core.limits.BudgetSpec;
import dev.arbiter.core.limits.RateLimitSpec;
import java.util.List;

/**
 * What an admin asks for when issuing a virtual key: its user and team, the models/routes it may call (empty =
 * any), and optionally its own budget and rate limits (null = none beyond the team's and the config's).
 */
public record KeySpec(String user, String team, List<String> allowedModels, BudgetSpec budget, RateLimitSpec limits) {
    public KeySpec {
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
    }
}
