package dev.arbiter.core.limits;

import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.ledger.GroupBy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A configured budget: which scope it limits (a key, user, team or route), the subject it names ({@value #EACH}
 * = every subject of that scope, each with its own counter), the amount and period, the fractions of it at which
 * an alert fires, and what the caller gets once it is exhausted (429, or 402 Payment Required).
 */
public record BudgetRule(Scope scope, String subject, BudgetSpec spec, List<BigDecimal> alertAt, OnExceed onExceed) {
    /** The subject that stands for every subject of the scope, each counted separately. */
    public static final String EACH = "*";

    public BudgetRule {
        if (scope == null || spec == null) {
            throw new IllegalArgumentException("a budget rule needs a scope and a budget");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a budget rule needs a subject (or \"*\" for each)");
        }
        alertAt = alertAt == null ? List.of() : List.copyOf(alertAt);
        for (BigDecimal f : alertAt) {
            if (f.signum() <= 0 || f.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("an alert fraction must be between 0 and 1 (exclusive), got " + f);
            }
        }
        onExceed = onExceed == null ? OnExceed.TOO_MANY_REQUESTS : onExceed;
    }

    /** Whether this rule covers {@code candidate} (a concrete key id, user, team or route; null never matches). */
    public boolean covers(String candidate) {
        return candidate != null && (subject.equals(EACH) || subject.equals(candidate));
    }

    /** What a budget limits. */
    public enum Scope {
        KEY(GroupBy.KEY), USER(GroupBy.USER), TEAM(GroupBy.TEAM), ROUTE(GroupBy.ROUTE);

        private final GroupBy ledgerGroup;

        Scope(GroupBy ledgerGroup) {
            this.ledgerGroup = ledgerGroup;
        }

        /** The ledger grouping whose spend seeds this scope's counters. */
        public GroupBy ledgerGroup() {
            return ledgerGroup;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The answer once a budget is exhausted. */
    public enum OnExceed {
        TOO_MANY_REQUESTS(ErrorKind.CALLER_BUDGET_EXCEEDED), PAYMENT_REQUIRED(ErrorKind.CALLER_BUDGET_EXCEEDED_PAYMENT);

        private final ErrorKind kind;

        OnExceed(ErrorKind kind) {
            this.kind = kind;
        }

        public ErrorKind errorKind() {
            return kind;
        }

        /** The rule for a configured status: 429 or 402. */
        public static OnExceed ofStatus(int status) {
            return switch (status) {
                case 429 -> TOO_MANY_REQUESTS;
                case 402 -> PAYMENT_REQUIRED;
                default -> throw new IllegalArgumentException("on_exceed must be 429 or 402, got " + status);
            };
        }
    }
}
