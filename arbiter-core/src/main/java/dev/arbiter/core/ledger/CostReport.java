package dev.arbiter.core.ledger;

import java.time.Instant;
import java.util.List;

/** Spend between {@code from} (inclusive) and {@code to} (exclusive), in total and per group, largest cost first. */
public record CostReport(GroupBy by, Instant from, Instant to, CostTotals total, List<Group> groups) {
    public CostReport {
        groups = List.copyOf(groups);
    }

    /** One group's sums; {@code name} is null for rows without that attribute (e.g. no team when running open). */
    public record Group(String name, CostTotals totals) {
    }
}
