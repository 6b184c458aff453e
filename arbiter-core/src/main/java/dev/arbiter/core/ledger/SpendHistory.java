package dev.arbiter.core.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One grouping's recorded daily spend, read for {@link Projection}: each group's daily rate and spend over days. */
final class SpendHistory {
    private final List<CostQuery.DailySpend> rows;
    private final LocalDate asOf;
    private final LocalDate windowStart;
    private final Map<String, LocalDate> firstDay = new HashMap<>();
    private final Set<String> names = new LinkedHashSet<>();

    SpendHistory(List<CostQuery.DailySpend> rows, LocalDate asOf, Projection.Settings settings) {
        this.rows = rows.stream().filter(r -> !r.day().isAfter(asOf)).toList();
        this.asOf = asOf;
        this.windowStart = asOf.minusDays(settings.lookbackDays() - 1L);
        for (CostQuery.DailySpend r : this.rows) {
            names.add(r.name());
            firstDay.merge(r.name(), r.day(), (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    /** The groups seen, in the order first seen (null for rows without the attribute). */
    Set<String> names() {
        return names;
    }

    /** Spend in the window divided by the days the group was observed in it (zero for an unknown group). */
    BigDecimal dailyRate(String name) {
        LocalDate first = firstDay.get(name);
        if (first == null) {
            return BigDecimal.ZERO;
        }
        LocalDate from = first.isAfter(windowStart) ? first : windowStart;
        long days = ChronoUnit.DAYS.between(from, asOf) + 1;
        return spend(name, windowStart, asOf).divide(BigDecimal.valueOf(days), MathContext.DECIMAL64);
    }

    /** What the group spent from {@code from} to {@code to}, both days included. */
    BigDecimal spend(String name, LocalDate from, LocalDate to) {
        BigDecimal total = BigDecimal.ZERO;
        for (CostQuery.DailySpend r : rows) {
            if (Objects.equals(name, r.name()) && !r.day().isBefore(from) && !r.day().isAfter(to)) {
                total = total.add(r.costUsd());
            }
        }
        return total;
    }
}
