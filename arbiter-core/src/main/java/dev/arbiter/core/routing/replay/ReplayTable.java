package dev.arbiter.core.routing.replay;

import dev.arbiter.core.routing.RequestFeatures;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An outcome file laid out for replay: rows × models matrices of the real score, the cost of the call and the
 * predicted pSuccess (null when only baselines are wanted), with each row's features and where the costs came from.
 */
final class ReplayTable {
    final List<String> models;
    final double[][] score;
    final double[][] cost;
    final double[][] p;
    final List<RequestFeatures> features;
    final Map<CostBasis, Integer> costBases;

    ReplayTable(List<String> models, double[][] score, double[][] cost, double[][] p, List<RequestFeatures> features,
                Map<CostBasis, Integer> costBases) {
        this.models = List.copyOf(models);
        this.score = score;
        this.cost = cost;
        this.p = p;
        this.features = features;
        this.costBases = new EnumMap<>(costBases);
    }

    /** A table of scores and costs only (for baselines and tests). */
    static ReplayTable of(List<String> models, double[][] score, double[][] cost) {
        return new ReplayTable(models, score, cost, null, null, Map.of(CostBasis.FILE, score.length * models.size()));
    }

    int rows() {
        return score.length;
    }

    int modelCount() {
        return models.size();
    }

    /** True when some cost is a 1.0-per-call stand-in, so cost figures count calls, not dollars. */
    boolean costBlind() {
        return costBases.getOrDefault(CostBasis.PER_CALL, 0) > 0;
    }
}
