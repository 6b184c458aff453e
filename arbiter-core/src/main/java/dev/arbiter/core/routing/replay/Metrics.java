package dev.arbiter.core.routing.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replay metrics over a {@link ReplayTable}, pure: a router's quality, cost and model shares from its per-row
 * choices, and the four baselines — always-best (highest mean score), always-cheapest (lowest total cost), random
 * (its expected value: the mean over models, so it is deterministic) and the oracle (per row the cheapest model
 * with that row's best score).
 */
final class Metrics {
    private Metrics() {
    }

    /** Summary of a router that chose model {@code choice[r]} (an index into the table's models) on row r. */
    static RouterSummary summarise(String name, ReplayTable t, int[] choice) {
        double score = 0;
        double cost = 0;
        int[] counts = new int[t.modelCount()];
        for (int r = 0; r < t.rows(); r++) {
            score += t.score[r][choice[r]];
            cost += t.cost[r][choice[r]];
            counts[choice[r]]++;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int m = 0; m < t.modelCount(); m++) {
            shares.put(t.models.get(m), (double) counts[m] / t.rows());
        }
        return new RouterSummary(name, null, score / t.rows(), cost, cost / t.rows(), shares);
    }

    static RouterSummary alwaysBest(ReplayTable t) {
        int best = 0;
        for (int m = 1; m < t.modelCount(); m++) {
            int c = Double.compare(column(t.score, m), column(t.score, best));
            if (c > 0 || c == 0 && column(t.cost, m) < column(t.cost, best)) {
                best = m;
            }
        }
        return always("always-best", t, best);
    }

    static RouterSummary alwaysCheapest(ReplayTable t) {
        int cheapest = 0;
        for (int m = 1; m < t.modelCount(); m++) {
            int c = Double.compare(column(t.cost, m), column(t.cost, cheapest));
            if (c < 0 || c == 0 && column(t.score, m) > column(t.score, cheapest)) {
                cheapest = m;
            }
        }
        return always("always-cheapest", t, cheapest);
    }

    /** The expected result of picking a model uniformly at random on every row. */
    static RouterSummary random(ReplayTable t) {
        double score = 0;
        double cost = 0;
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int m = 0; m < t.modelCount(); m++) {
            score += column(t.score, m);
            cost += column(t.cost, m);
            shares.put(t.models.get(m), 1.0 / t.modelCount());
        }
        int k = t.modelCount();
        return new RouterSummary("random", null, score / k / t.rows(), cost / k, cost / k / t.rows(), shares);
    }

    static RouterSummary oracle(ReplayTable t) {
        int[] choice = new int[t.rows()];
        for (int r = 0; r < t.rows(); r++) {
            int pick = 0;
            for (int m = 1; m < t.modelCount(); m++) {
                double ds = t.score[r][m] - t.score[r][pick];
                if (ds > 0 || ds == 0 && t.cost[r][m] < t.cost[r][pick]) {
                    pick = m;
                }
            }
            choice[r] = pick;
        }
        return summarise("oracle", t, choice);
    }

    /** Index of the model with the highest mean score (ties: cheaper, then first by name). */
    static int bestModel(ReplayTable t) {
        return t.models.indexOf(alwaysBest(t).model());
    }

    /** Every model on its own, as the "always-&lt;model&gt;" points of the frontier. */
    static List<RouterSummary> eachModel(ReplayTable t) {
        List<RouterSummary> out = new ArrayList<>();
        for (int m = 0; m < t.modelCount(); m++) {
            out.add(always(t.models.get(m), t, m));
        }
        return out;
    }

    private static RouterSummary always(String name, ReplayTable t, int model) {
        int[] choice = new int[t.rows()];
        Arrays.fill(choice, model);
        RouterSummary s = summarise(name, t, choice);
        return new RouterSummary(name, t.models.get(model), s.quality(), s.costTotal(), s.costMean(), s.shares());
    }

    /** Column total. */
    static double column(double[][] matrix, int m) {
        double sum = 0;
        for (double[] row : matrix) {
            sum += row[m];
        }
        return sum;
    }
}
