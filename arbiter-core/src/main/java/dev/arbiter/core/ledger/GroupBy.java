package dev.arbiter.core.ledger;

import java.util.Locale;

/** What a cost report groups requests by; the label is both the query parameter value and the JSON field name. */
public enum GroupBy {
    KEY, USER, TEAM, MODEL, ROUTE, TASK;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
