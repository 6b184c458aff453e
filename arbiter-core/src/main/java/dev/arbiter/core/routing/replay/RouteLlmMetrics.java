package dev.arbiter.core.routing.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * RouteLLM's two-model router metrics (lm-sys/RouteLLM, routellm/evals/evaluate.py and benchmarks.py), reproduced
 * step for step. The router gives every row a strong-win score; the thresholds are the 11 edges of pandas'
 * {@code qcut(scores, 10)} (linear-interpolated quantiles at 0, 0.1, ..., 1, duplicates kept); at each threshold
 * the rows scoring {@code >=} it go to the strong model ({@code >} at the last edge, so one point has no strong
 * calls). Each threshold gives a point (% strong calls, accuracy in %). Then, with the points sorted by % strong
 * calls: AUC = trapezoid area of accuracy over strong fraction, APGR = (AUC − weak AUC) / (strong AUC − weak AUC)
 * where the weak/strong AUCs are constant lines at each model's accuracy over the same x range, and CPT(x%) =
 * {@code np.interp(weak + x·(strong − weak), accuracies, strong%)}, numpy's interp ported with its search so a
 * non-monotone curve reads the same. Accuracy and CPT are in percent, as in RouteLLM.
 */
public final class RouteLlmMetrics {
    public static final int NUM_RESULTS = 10;

    /** One threshold's outcome: the share of calls sent to the strong model and the accuracy, both in %. */
    public record Point(double threshold, double strongPercent, double accuracy) {
    }

    /** The curve (sorted by strong %), both models' accuracies (in %) and the summary figures. */
    public record Result(List<Point> points, double weakAccuracy, double strongAccuracy,
                         double apgr, double cpt20, double cpt50, double cpt80) {
    }

    private RouteLlmMetrics() {
    }

    /** Evaluates a router's {@code winScores} against per-row strong and weak model scores (each in [0, 1]). */
    public static Result evaluate(double[] winScores, double[] strong, double[] weak) {
        int n = winScores.length;
        if (n == 0 || strong.length != n || weak.length != n) {
            throw new IllegalArgumentException("need equally long, non-empty arrays, got "
                    + n + "/" + strong.length + "/" + weak.length);
        }
        double[] thresholds = qcutEdges(winScores, NUM_RESULTS);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < thresholds.length; i++) {
            points.add(point(winScores, strong, weak, thresholds[i], i == thresholds.length - 1));
        }
        points.sort(Comparator.comparingDouble(Point::strongPercent));
        double weakAcc = accuracy(weak);
        double strongAcc = accuracy(strong);
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        double[] pct = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).strongPercent() / 100;
            y[i] = points.get(i).accuracy();
            pct[i] = points.get(i).strongPercent();
        }
        double auc = trapz(y, x);
        double weakAuc = trapz(filled(x.length, weakAcc), x);
        double strongAuc = trapz(filled(x.length, strongAcc), x);
        double apgr = (auc - weakAuc) / (strongAuc - weakAuc);
        return new Result(List.copyOf(points), weakAcc, strongAcc, apgr,
                cpt(0.2, weakAcc, strongAcc, y, pct), cpt(0.5, weakAcc, strongAcc, y, pct),
                cpt(0.8, weakAcc, strongAcc, y, pct));
    }

    private static Point point(double[] win, double[] strong, double[] weak, double threshold, boolean last) {
        double sum = 0;
        int strongCalls = 0;
        for (int r = 0; r < win.length; r++) {
            boolean toStrong = last ? win[r] > threshold : win[r] >= threshold;
            sum += toStrong ? strong[r] : weak[r];
            strongCalls += toStrong ? 1 : 0;
        }
        return new Point(threshold, (double) strongCalls / win.length * 100, sum / win.length * 100);
    }

    private static double cpt(double pct, double weakAcc, double strongAcc, double[] accuracies, double[] strongPct) {
        return NumpyInterp.interp(pct * (strongAcc - weakAcc) + weakAcc, accuracies, strongPct);
    }

    /** get_model_accuracy: the mean score in %. */
    private static double accuracy(double[] scores) {
        double sum = 0;
        for (double s : scores) {
            sum += s;
        }
        return sum / scores.length * 100;
    }

    /**
     * The bin edges of {@code pd.qcut(x, q)}: {@code np.linspace(0, 1, q + 1)} quantiles, passed by pandas to
     * {@code np.percentile} as {@code q * 100} (which divides by 100 again), interpolated by numpy's "linear"
     * method: virtual index (n − 1)·q, and numpy's two-sided lerp. The arithmetic follows numpy's order so the
     * edges match bit for bit, which matters when a score sits exactly on an edge.
     */
    static double[] qcutEdges(double[] x, int q) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double step = 1.0 / q;
        double[] edges = new double[q + 1];
        for (int k = 0; k <= q; k++) {
            double quantile = k == q ? 1.0 : k * step;
            quantile = (quantile * 100.0) / 100;
            double virtual = (n - 1) * quantile;
            if (virtual >= n - 1) {
                edges[k] = sorted[n - 1];
                continue;
            }
            int prev = (int) Math.floor(virtual);
            double gamma = virtual - prev;
            double a = sorted[prev];
            double diff = sorted[prev + 1] - a;
            edges[k] = gamma >= 0.5 ? sorted[prev + 1] - diff * (1 - gamma) : a + diff * gamma;
        }
        return edges;
    }

    /** np.trapz(y, x). */
    static double trapz(double[] y, double[] x) {
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
        }
        return area;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
