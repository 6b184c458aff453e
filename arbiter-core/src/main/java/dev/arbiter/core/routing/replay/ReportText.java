package dev.arbiter.core.routing.replay;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link ReplayReport} as the human-readable tables {@code arbiter replay} prints. */
final class ReportText {
    private ReportText() {
    }

    static String render(ReplayReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "replay of %s: %d rows, %d models%n", r.data(), r.rows(), r.models().size()));
        out.append("costs: ").append(costBasis(r)).append('\n');
        out.append(String.format(Locale.ROOT, "policy %s (bar %.2f%s)%n%n", r.policy().name(), r.settings().qualityBar(),
                r.settings().maxCostUsd() == null ? "" : ", max cost " + money(r.settings().maxCostUsd(), false)));
        RouterSummary best = r.baseline("always-best");
        out.append(String.format(Locale.ROOT, "%-46s %8s %12s %12s  %s%n", "router", "quality", "cost/row",
                "total cost", "vs always-best: quality / cost"));
        List<RouterSummary> all = new ArrayList<>();
        all.add(r.policy());
        all.addAll(r.baselines());
        for (RouterSummary s : all) {
            out.append(String.format(Locale.ROOT, "%-46s %8.4f %12s %12s  %8s / %s%n", label(s), s.quality(),
                    money(s.costMean(), r.costBlind()), money(s.costTotal(), r.costBlind()),
                    percent(s.quality() / best.quality()), percent(s.costTotal() / best.costTotal())));
        }
        out.append('\n').append("model shares (").append(r.policy().name()).append("): ")
                .append(shares(r.policy().shares(), 0)).append('\n');
        if (!r.sweep().isEmpty()) {
            sweep(out, r);
        }
        return out.toString();
    }

    private static void sweep(StringBuilder out, ReplayReport r) {
        String parameter = r.sweep().getFirst().parameter();
        out.append('\n').append("frontier (").append(r.policy().name()).append(" swept over ").append(parameter)
                .append("):\n");
        out.append(String.format(Locale.ROOT, "  %10s %8s %12s  %s%n", parameter, "quality", "cost/row", "top shares"));
        for (SweepPoint p : r.sweep()) {
            String value = parameter.equals("bar") ? String.format(Locale.ROOT, "%.2f", p.value())
                    : money(p.value(), r.costBlind());
            out.append(String.format(Locale.ROOT, "  %10s %8.4f %12s  %s%n", value, p.summary().quality(),
                    money(p.summary().costMean(), r.costBlind()), shares(p.summary().shares(), 3)));
        }
        if (r.twoModel() != null) {
            ReplayReport.TwoModel t = r.twoModel();
            RouteLlmMetrics.Result m = t.result();
            out.append(String.format(Locale.ROOT,
                    "%nRouteLLM metrics (strong %s %.1f%%, weak %s %.1f%%; win score %s):%n"
                            + "  APGR %.3f   CPT(50%%) %.1f%% strong calls   CPT(80%%) %.1f%% strong calls%n",
                    t.strong(), m.strongAccuracy(), t.weak(), m.weakAccuracy(), t.winScore().cliName(),
                    m.apgr(), m.cpt50(), m.cpt80()));
        }
        if (r.aiq() != null) {
            ReplayReport.AiqFigures a = r.aiq();
            out.append(String.format(Locale.ROOT,
                    "%nRouterBench AIQ over %s–%s per row: %s %.4f, zero router (hull of the models alone) %.4f%n",
                    money(a.costMin(), r.costBlind()), money(a.costMax(), r.costBlind()), r.policy().name(),
                    a.router(), a.zeroRouter()));
        }
    }

    private static String label(RouterSummary s) {
        return switch (s.name()) {
            case "always-best", "always-cheapest" -> s.name() + " (" + s.model() + ")";
            case "random" -> "random (expected)";
            default -> s.name();
        };
    }

    /** Model shares, largest first; {@code limit} 0 means all non-zero ones. */
    static String shares(Map<String, Double> shares, int limit) {
        return shares.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(limit > 0 ? limit : Long.MAX_VALUE)
                .map(e -> e.getKey() + " " + percent(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String costBasis(ReplayReport r) {
        List<String> parts = new ArrayList<>();
        r.costBases().forEach((basis, n) -> parts.add(switch (basis) {
            case FILE -> n + " from the file's cost_usd";
            case PRICES -> n + " estimated from --prices (input = prompt chars / " + PriceTable.CHARS_PER_TOKEN
                    + " tokens, output = " + PriceTable.ASSUMED_OUTPUT_TOKENS + " tokens)";
            case PER_CALL -> n + " COST-BLIND at 1.0 per call (no cost_usd and no price): cost columns count calls";
        }));
        return String.join("; ", parts);
    }

    static String money(double v, boolean costBlind) {
        if (costBlind) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        if (v == 0 || !Double.isFinite(v)) {
            return "$" + v;
        }
        return "$" + new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", fraction * 100) : "n/a";
    }
}
