package dev.arbiter.cli;

import dev.arbiter.core.ledger.Projection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a projection as text: a table per team and per route, then one line per budget. */
final class ProjectionText {
    private ProjectionText() {
    }

    static String render(Projection.Result r) {
        Projection.Settings s = r.settings();
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append("Projection for ").append(s.months()).append(" months at ").append(factor(s.growth()))
                .append(" growth (compounding monthly), from the spend of the last ").append(s.lookbackDays())
                .append(" days as of ").append(r.asOf()).append(" (UTC).").append(nl);
        section(out, "team", r.teams());
        section(out, "route", r.routes());
        if (!r.budgets().isEmpty()) {
            out.append(nl).append("Budgets").append(nl);
            for (Projection.RunOut b : r.budgets()) {
                out.append("  ").append(budget(b, r)).append(nl);
            }
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String what, List<Projection.Line> lines) {
        String nl = System.lineSeparator();
        out.append(nl).append("By ").append(what).append(nl);
        if (lines.isEmpty()) {
            out.append("  no recorded spend").append(nl);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        Projection.Line first = lines.getFirst();
        String firstMonth = first.months().getFirst().month().toString();
        String lastMonth = first.months().getLast().month().toString();
        rows.add(new String[] {what.toUpperCase(Locale.ROOT), "USD/DAY NOW", firstMonth, lastMonth,
                first.months().size() + "-MONTH TOTAL"});
        BigDecimal total = BigDecimal.ZERO;
        for (Projection.Line l : lines) {
            rows.add(new String[] {l.name() == null ? "(none)" : l.name(), money(l.dailyUsd()),
                    money(l.months().getFirst().usd()), money(l.months().getLast().usd()), money(l.totalUsd())});
            total = total.add(l.totalUsd());
        }
        rows.add(new String[] {"TOTAL", "", "", "", money(total)});
        StringBuilder table = new StringBuilder();
        TextTable.append(table, rows);
        table.toString().lines().forEach(line -> out.append("  ").append(line).append(nl));
    }

    private static String budget(Projection.RunOut b, Projection.Result r) {
        String head = b.budget().scope().label() + " " + b.subject() + ": $" + b.budget().usd().toPlainString()
                + " per " + b.budget().period().label() + ", $" + money(b.spentUsd()) + " spent this "
                + b.budget().period().label() + ", $" + money(b.dailyUsd()) + "/day now; ";
        if (b.runsOutOn() == null) {
            return head + "does not run out within the " + r.settings().months() + " months projected";
        }
        return head + (b.runsOutOn().equals(r.asOf()) ? "already used up" : "runs out on " + b.runsOutOn());
    }

    private static String money(BigDecimal usd) {
        return usd.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String factor(double growth) {
        return (growth == Math.rint(growth) ? String.valueOf((long) growth) : String.valueOf(growth)) + "x";
    }
}
