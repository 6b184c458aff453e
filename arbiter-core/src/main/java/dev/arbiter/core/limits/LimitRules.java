package dev.arbiter.core.limits;

import dev.arbiter.core.tenancy.Principal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Works out which budgets and rate limits apply to a request: the principal's own (its key's budget and limits)
 * plus every configured rule that covers its key id, user, team, and the route (budgets) or model (rate limits).
 * Two budgets on the same counter (scope, subject and period) collapse into the stricter one, so a counter is
 * reserved once per request; their alert fractions are merged.
 */
public final class LimitRules {
    public static final LimitRules NONE = new LimitRules(List.of(), List.of());

    private final List<BudgetRule> budgets;
    private final List<RateLimitRule> rateLimits;

    public LimitRules(List<BudgetRule> budgets, List<RateLimitRule> rateLimits) {
        this.budgets = List.copyOf(budgets);
        this.rateLimits = List.copyOf(rateLimits);
    }

    /** The budgets for {@code who} calling {@code route}, most specific first: key, user, team, route. */
    public List<Budget> budgetsFor(Principal who, String route) {
        List<Budget> found = new ArrayList<>();
        if (who.budget() != null && who.keyId() != null) {
            found.add(new Budget(BudgetRule.Scope.KEY, who.keyId(), keyName(who), who.budget(), List.of(), null));
        }
        for (BudgetRule.Scope scope : BudgetRule.Scope.values()) {
            String subject = switch (scope) {
                case KEY -> who.keyId();
                case USER -> who.user();
                case TEAM -> who.team();
                case ROUTE -> route;
            };
            String name = scope == BudgetRule.Scope.KEY ? keyName(who) : null;
            for (BudgetRule rule : budgets) {
                if (rule.scope() == scope && rule.covers(subject)) {
                    found.add(new Budget(scope, subject, name, rule.spec(), rule.alertAt(), rule.onExceed()));
                }
            }
        }
        return collapse(found);
    }

    /** The rate limits for {@code who} calling {@code model} (a catalog id): key, team, model. */
    public List<RateLimit> rateLimitsFor(Principal who, String model) {
        List<RateLimit> found = new ArrayList<>();
        if (who.limits() != null && who.keyId() != null
                && (who.limits().rpm() != null || who.limits().tpm() != null)) {
            found.add(new RateLimit(RateLimitRule.Scope.KEY, who.keyId(), keyName(who), who.limits()));
        }
        for (RateLimitRule.Scope scope : RateLimitRule.Scope.values()) {
            String subject = switch (scope) {
                case KEY -> who.keyId();
                case TEAM -> who.team();
                case MODEL -> model;
            };
            String name = scope == RateLimitRule.Scope.KEY ? keyName(who) : null;
            for (RateLimitRule rule : rateLimits) {
                if (rule.scope() == scope && rule.covers(subject)) {
                    found.add(new RateLimit(scope, subject, name, rule.spec()));
                }
            }
        }
        return collapseLimits(found);
    }

    private static String keyName(Principal who) {
        return "key " + (who.keyPrefix() != null ? who.keyPrefix() : who.keyId());
    }

    private static List<Budget> collapse(List<Budget> found) {
        Map<String, Budget> byCounter = new LinkedHashMap<>();
        for (Budget b : found) {
            byCounter.merge(b.sharedKey(), b, LimitRules::stricter);
        }
        return List.copyOf(byCounter.values());
    }

    private static Budget stricter(Budget a, Budget b) {
        Budget keep = b.spec().usd().compareTo(a.spec().usd()) < 0 ? b : a;
        TreeSet<BigDecimal> alerts = new TreeSet<>(a.alertAt());
        alerts.addAll(b.alertAt());
        return new Budget(keep.scope(), keep.subject(), keep.name(), keep.spec(), List.copyOf(alerts), keep.onExceed());
    }

    /** Two limits on the same cell (scope and subject) keep the lower rpm and the lower tpm. */
    private static List<RateLimit> collapseLimits(List<RateLimit> found) {
        Map<String, RateLimit> byCell = new LinkedHashMap<>();
        for (RateLimit l : found) {
            byCell.merge(l.scope().label() + ":" + l.subject(), l, (a, b) -> new RateLimit(a.scope(), a.subject(),
                    a.name(), new RateLimitSpec(min(a.spec().rpm(), b.spec().rpm()),
                    min(a.spec().tpm(), b.spec().tpm()))));
        }
        return List.copyOf(byCell.values());
    }

    private static Long min(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }
}
