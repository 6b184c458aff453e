package dev.arbiter.core.routing.quality;

import java.util.Arrays;

/**
 * Accumulates (probability, score) pairs and reports log-loss and Brier score against the soft score, and the
 * AUC against the score thresholded at 0.5 (ties get average ranks), as used by the evaluation report.
 */
public final class ScoreMetrics {
    private static final double EPS = 1e-9;
    private double[] p = new double[1024];
    private double[] y = new double[1024];
    private int n;

    public void add(double probability, double score) {
        if (n == p.length) {
            p = Arrays.copyOf(p, n * 2);
            y = Arrays.copyOf(y, n * 2);
        }
        p[n] = probability;
        y[n++] = score;
    }

    public void addAll(ScoreMetrics other) {
        for (int i = 0; i < other.n; i++) {
            add(other.p[i], other.y[i]);
        }
    }

    public int count() {
        return n;
    }

    public double logLoss() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double q = Math.max(EPS, Math.min(1 - EPS, p[i]));
            sum -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
        }
        return sum / n;
    }

    public double brier() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (p[i] - y[i]) * (p[i] - y[i]);
        }
        return sum / n;
    }

    /** Probability that a random success is ranked above a random failure; NaN when either is absent. */
    public double auc() {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double rankSum = 0;
        long positives = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && p[order[j]] == p[order[i]]) {
                j++;
            }
            double averageRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (y[order[k]] >= 0.5) {
                    rankSum += averageRank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
