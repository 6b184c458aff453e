package dev.arbiter.cli;

import dev.arbiter.core.ledger.CostReport;
import dev.arbiter.core.ledger.CostTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a cost report as a text table: one row per group, largest cost first, then the total. */
final class CostTable {
    private static final String[] HEADER = {"REQUESTS", "INPUT TOKENS", "CACHED", "OUTPUT TOKENS", "REASONING",
            "COST USD", "BASELINE USD", "SAVINGS"};

    private CostTable() {
    }

    static String render(CostReport report) {
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[HEADER.length + 1];
        header[0] = report.by().label().toUpperCase(Locale.ROOT);
        System.arraycopy(HEADER, 0, header, 1, HEADER.length);
        rows.add(header);
        for (CostReport.Group g : report.groups()) {
            rows.add(row(g.name() == null ? "(none)" : g.name(), g.totals()));
        }
        rows.add(row("TOTAL", report.total()));
        StringBuilder out = new StringBuilder();
        out.append("Costs by ").append(report.by().label()).append(", ").append(span(report.from(), report.to()))
                .append(" (UTC)").append(System.lineSeparator());
        if (report.groups().isEmpty()) {
            out.append("No requests recorded in this period.").append(System.lineSeparator());
        }
        TextTable.append(out, rows);
        out.append("Savings = baseline cost − cost: what the same requests would have cost on each route's baseline"
                + " model.").append(System.lineSeparator());
        return out.toString();
    }

    private static String[] row(String name, CostTotals t) {
        return new String[] {name, count(t.requests()), count(t.inputTokens()), count(t.cachedInputTokens()),
                count(t.outputTokens()), count(t.reasoningTokens()), usd(t.costUsd()), usd(t.baselineCostUsd()),
                savings(t)};
    }

    /** Dates when both ends are midnights (the end shown inclusive), else the instants. */
    static String span(Instant from, Instant to) {
        boolean days = from.atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)
                && to.atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT);
        return days ? from.atZone(ZoneOffset.UTC).toLocalDate() + " to " + to.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1)
                : from + " to " + to + " (end excluded)";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String usd(BigDecimal usd) {
        return usd.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Savings as a share of the baseline cost; "-" when there is no baseline cost to compare with. */
    static String savings(CostTotals t) {
        if (t.baselineCostUsd().signum() == 0) {
            return "-";
        }
        BigDecimal pct = t.savingsUsd().multiply(BigDecimal.valueOf(100))
                .divide(t.baselineCostUsd(), 1, RoundingMode.HALF_EVEN);
        return pct.toPlainString() + "%";
    }
}
