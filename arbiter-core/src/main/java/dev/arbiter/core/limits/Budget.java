package dev.arbiter.core.limits;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One budget that applies to a request: a rule (or a key's own budget) bound to a concrete subject. {@code name}
 * is how messages call the subject ("team t1", "key sk-arb-3f9a"); the counter behind it is identified by scope,
 * period, period start and subject, so every rule naming the same subject and period shares one spend.
 */
public record Budget(BudgetRule.Scope scope, String subject, String name, BudgetSpec spec, List<BigDecimal> alertAt,
                     BudgetRule.OnExceed onExceed) {
    public Budget {
        if (scope == null || subject == null || spec == null) {
            throw new IllegalArgumentException("a budget needs a scope, a subject and a spec");
        }
        name = name == null ? scope.label() + " " + subject : name;
        alertAt = alertAt == null ? List.of() : List.copyOf(alertAt);
        onExceed = onExceed == null ? BudgetRule.OnExceed.TOO_MANY_REQUESTS : onExceed;
    }

    /** The spend counter of this budget's period containing {@code at}: {@code team:month:2026-05-01:t1}. */
    public String counterId(Instant at) {
        return scope.label() + ":" + spec.period().label() + ":"
                + spec.period().start(at).atZone(ZoneOffset.UTC).toLocalDate() + ":" + subject;
    }

    /** Identifies the counter regardless of period start (scope, period, subject). */
    String sharedKey() {
        return scope.label() + ":" + spec.period().label() + ":" + subject;
    }

    public long limitMicros() {
        return Money.micros(spec.usd());
    }

    /** "team t1's monthly budget of $100.00". */
    public String describe() {
        String adjective = switch (spec.period()) {
            case DAY -> "daily";
            case WEEK -> "weekly";
            case MONTH -> "monthly";
        };
        return name + "'s " + adjective + " budget of " + Money.format(spec.usd());
    }
}
