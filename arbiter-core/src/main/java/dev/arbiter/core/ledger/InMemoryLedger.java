package dev.arbiter.core.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A ledger kept in memory: a {@link LedgerSink} (idempotent on the request id, like the JDBC sinks, so a retried
 * batch never doubles a row) and a {@link CostQuery} over what it holds, with exact BigDecimal sums. For tests and
 * for {@code storage: none}; everything is lost when the process ends.
 */
public final class InMemoryLedger implements LedgerSink, CostQuery {
    private final Map<String, LedgerEntry> rows = new LinkedHashMap<>();

    @Override
    public synchronized void write(List<LedgerEntry> batch) {
        for (LedgerEntry entry : batch) {
            rows.putIfAbsent(entry.requestId(), entry);
        }
    }

    /** Every row held, in the order first written. */
    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(rows.values());
    }

    @Override
    public CostReport costs(GroupBy by, Instant from, Instant to) {
        Map<String, Sum> groups = new LinkedHashMap<>();
        Sum total = new Sum();
        for (LedgerEntry e : between(from, to)) {
            groups.computeIfAbsent(name(e, by), n -> new Sum()).add(e);
            total.add(e);
        }
        List<CostReport.Group> out = new ArrayList<>();
        groups.forEach((name, sum) -> out.add(new CostReport.Group(name, sum.totals())));
        out.sort(Comparator.comparing((CostReport.Group g) -> g.totals().costUsd()).reversed()
                .thenComparing(CostReport.Group::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return new CostReport(by, from, to, total.totals(), out);
    }

    @Override
    public List<DailySpend> daily(GroupBy by, Instant from, Instant to) {
        record Key(LocalDate day, String name) {
        }
        Map<Key, Sum> sums = new TreeMap<>(Comparator.comparing(Key::day)
                .thenComparing(Key::name, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (LedgerEntry e : between(from, to)) {
            LocalDate day = e.at().atZone(ZoneOffset.UTC).toLocalDate();
            sums.computeIfAbsent(new Key(day, name(e, by)), k -> new Sum()).add(e);
        }
        List<DailySpend> out = new ArrayList<>();
        sums.forEach((k, sum) -> out.add(new DailySpend(k.day(), k.name(), sum.requests, sum.cost)));
        return out;
    }

    @Override
    public BigDecimal spend(GroupBy by, String subject, Instant from) {
        BigDecimal total = BigDecimal.ZERO;
        for (LedgerEntry e : between(from, Instant.MAX)) {
            if (Objects.equals(subject, name(e, by))) {
                total = total.add(e.costUsd());
            }
        }
        return total;
    }

    private synchronized List<LedgerEntry> between(Instant from, Instant to) {
        List<LedgerEntry> out = new ArrayList<>();
        for (LedgerEntry e : rows.values()) {
            if (!e.at().isBefore(from) && e.at().isBefore(to)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The attribute a row is grouped under; null when the row has none (e.g. no team when running open). */
    static String name(LedgerEntry e, GroupBy by) {
        return switch (by) {
            case KEY -> e.keyId();
            case USER -> e.user();
            case TEAM -> e.team();
            case MODEL -> e.model();
            case ROUTE -> e.route();
            case TASK -> e.taskType();
        };
    }

    /** A running sum of rows. */
    private static final class Sum {
        long requests;
        long input;
        long cached;
        long output;
        long reasoning;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal baseline = BigDecimal.ZERO;

        void add(LedgerEntry e) {
            requests++;
            input += e.inputTokens();
            cached += e.cachedInputTokens();
            output += e.outputTokens();
            reasoning += e.reasoningTokens();
            cost = cost.add(e.costUsd());
            baseline = baseline.add(e.baselineCostUsd() == null ? e.costUsd() : e.baselineCostUsd());
        }

        CostTotals totals() {
            return new CostTotals(requests, input, cached, output, reasoning, cost, baseline);
        }
    }
}
