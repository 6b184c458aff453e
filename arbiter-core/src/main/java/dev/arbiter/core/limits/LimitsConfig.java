package dev.arbiter.core.limits;

import java.net.URI;
import java.util.List;

/**
 * The {@code budgets}, {@code rate_limits}, {@code redis} and {@code alerts} config: the rules, the Redis that shares
 * counters across replicas (null = counters in this process only) and the alert webhook (null = alerts only logged).
 */
public record LimitsConfig(List<BudgetRule> budgets, List<RateLimitRule> rateLimits, RedisSettings redis,
                           URI alertsWebhook) {
    public static final LimitsConfig DEFAULTS = new LimitsConfig(List.of(), List.of(), null, null);

    public LimitsConfig {
        budgets = budgets == null ? List.of() : List.copyOf(budgets);
        rateLimits = rateLimits == null ? List.of() : List.copyOf(rateLimits);
    }

    public LimitRules rules() {
        return new LimitRules(budgets, rateLimits);
    }
}
