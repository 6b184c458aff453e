package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.replay.RouterSummary;
import java.util.List;
import java.util.Locale;

/** Renders whole-task cross-validation as the Markdown {@code arbiter router cv} prints (and docs/routing.md quotes). */
public final class CvText {
    private CvText() {
    }

    public static String render(List<TaskHoldout.Fold> folds, RoutingCv.Figures f, double apgrTarget) {
        StringBuilder out = new StringBuilder();
        calibration(out, folds);
        frontier(out, f);
        if (f.pair() != null) {
            RoutingCv.Pair p = f.pair();
            out.append(String.format(Locale.ROOT, "%n### APGR, %s vs %s%n%n", p.strong(), p.weak()));
            out.append(String.format(Locale.ROOT,
                    "APGR %.3f (win score strong-p), %.3f (win-rate); CPT(50%%) %.1f%%, CPT(80%%) %.1f%% strong calls."
                            + " Target APGR >= %.2f: **%s**%n", p.apgrStrongP(), p.apgrWinRate(), p.cpt50(), p.cpt80(),
                    apgrTarget, Math.max(p.apgrStrongP(), p.apgrWinRate()) >= apgrTarget ? "met" : "not met"));
        }
        return out.toString();
    }

    private static void calibration(StringBuilder out, List<TaskHoldout.Fold> folds) {
        out.append("### Calibration per held-out task\n\n");
        out.append("| held-out task | rows | pairs | log-loss | Brier | AUC | per-model mean: log-loss | Brier | AUC |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        ScoreMetrics model = new ScoreMetrics();
        ScoreMetrics mean = new ScoreMetrics();
        for (TaskHoldout.Fold fold : folds) {
            out.append(line(fold.task(), fold.rows(), fold.model(), fold.meanBaseline()));
            model.addAll(fold.model());
            mean.addAll(fold.meanBaseline());
        }
        out.append(line("**pooled**", folds.stream().mapToInt(TaskHoldout.Fold::rows).sum(), model, mean));
    }

    private static String line(String task, int rows, ScoreMetrics m, ScoreMetrics b) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n", task, rows,
                m.count(), m.logLoss(), m.brier(), m.auc(), b.logLoss(), b.brier(), b.auc());
    }

    private static void frontier(StringBuilder out, RoutingCv.Figures f) {
        RouterSummary best = f.best();
        out.append(String.format(Locale.ROOT, "%n### cheapest-meeting-bar on %s (%d rows, held-out predictions)%n%n"
                        + "always-best is %s: quality %.4f at $%.6f per row.%n%n", f.report().data(), f.report().rows(),
                best.model(), best.quality(), best.costMean()));
        out.append("| bar | quality | cost/row | quality vs always-best | cost vs always-best |\n");
        out.append("|---:|---:|---:|---:|---:|\n");
        for (RoutingCv.Point p : f.frontier()) {
            if (Math.round(p.bar() * RoutingCv.BAR_STEPS) % 5 == 0 || p.equals(f.chosen())) {
                out.append(point(p, p.equals(f.chosen())));
            }
        }
        RoutingCv.Point c = f.chosen();
        out.append('\n').append(c == null
                ? String.format(Locale.ROOT, "No bar reaches %.0f%% of always-best's quality. Target: **not met**.%n",
                        f.qualityTarget() * 100)
                : String.format(Locale.ROOT, "Cheapest bar reaching %.0f%% of always-best's quality: %.2f, at %.1f%% of"
                                + " its cost (target <= %.0f%%): **%s**.%n", f.qualityTarget() * 100, c.bar(),
                        c.costShare() * 100, f.costTarget() * 100, f.frontierTargetMet() ? "met" : "not met"));
        RoutingCv.Point atCost = f.frontier().stream().filter(p -> p.costShare() <= f.costTarget())
                .max(java.util.Comparator.comparingDouble(RoutingCv.Point::quality)).orElse(null);
        if (atCost != null) {
            out.append(String.format(Locale.ROOT, "Best quality within %.0f%% of its cost: %.1f%% (bar %.2f).%n",
                    f.costTarget() * 100, atCost.qualityShare() * 100, atCost.bar()));
        }
        if (f.report().aiq() != null) {
            out.append(String.format(Locale.ROOT, "RouterBench AIQ of the sweep: %.4f; zero router (the models alone):"
                    + " %.4f.%n", f.report().aiq().router(), f.report().aiq().zeroRouter()));
        }
    }

    private static String point(RoutingCv.Point p, boolean chosen) {
        String b = chosen ? "**" : "";
        return String.format(Locale.ROOT, "| %s%.2f%s | %.4f | $%.6f | %.1f%% | %.1f%% |%n", b, p.bar(), b, p.quality(),
                p.costMean(), p.qualityShare() * 100, p.costShare() * 100);
    }
}
