package dev.arbiter.core.routing.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formats {@link QualityEvaluation} folds as a Markdown table: one line per fold and variant, then pooled totals. */
public final class EvaluationReport {
    private EvaluationReport() {
    }

    public static String format(List<QualityEvaluation.Fold> folds) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | held out | variant | n | log-loss | Brier | AUC |\n");
        out.append("|---|---|---|---:|---:|---:|---:|\n");
        Map<String, Map<String, ScoreMetrics>> pooled = new LinkedHashMap<>();
        for (QualityEvaluation.Fold fold : folds) {
            fold.variants().forEach((variant, m) -> {
                out.append(line(fold.scenario(), fold.heldOut(), variant, m));
                pooled.computeIfAbsent(fold.scenario(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(variant, k -> new ScoreMetrics()).addAll(m);
            });
        }
        pooled.forEach((scenario, variants) -> variants.forEach((variant, m) ->
                out.append(line("**" + scenario + "**", "**all pooled**", variant, m))));
        return out.toString();
    }

    private static String line(String scenario, String heldOut, String variant, ScoreMetrics m) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %d | %.4f | %.4f | %.4f |%n", scenario, heldOut, variant,
                m.count(), m.logLoss(), m.brier(), m.auc());
    }
}
