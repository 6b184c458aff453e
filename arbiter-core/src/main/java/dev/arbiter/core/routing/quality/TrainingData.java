package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.replay.OutcomeRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Outcome rows made ready for the optimiser: each prompt's difficulty vector x(q) in compressed sparse rows,
 * its ability-factor vector (the task mix), and the (row, model, score, weight) triples, models in name order.
 */
final class TrainingData {
    final int rows;
    final int[] rowStart;
    final int[] col;
    final float[] val;
    final int factors;
    final float[] mix;
    /** Per row: the guessing floor of its success curve ({@link PromptShape#guessRate()}). */
    final float[] floor;
    final List<String> models;
    /** Training-only grouping: each row's task (source/task), for the task intercepts of a base fit. */
    final List<String> groups;
    final int[] rowGroup;
    final int[] tripleRow;
    final int[] tripleModel;
    final double[] tripleScore;
    final double[] tripleWeight;

    private TrainingData(List<SparseVector> x, List<float[]> mixes, float[] floor, List<String> groups, int[] rowGroup,
                         List<String> models,
                         int[] tripleRow, int[] tripleModel, double[] tripleScore, double[] tripleWeight) {
        this.rows = x.size();
        this.rowStart = new int[rows + 1];
        int nnz = 0;
        for (int r = 0; r < rows; r++) {
            nnz += x.get(r).index().length;
            rowStart[r + 1] = nnz;
        }
        this.col = new int[nnz];
        this.val = new float[nnz];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x.get(r).index(), 0, col, rowStart[r], x.get(r).index().length);
            System.arraycopy(x.get(r).value(), 0, val, rowStart[r], x.get(r).value().length);
        }
        this.factors = QualityProfile.FACTORS.size();
        this.mix = new float[rows * factors];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(mixes.get(r), 0, mix, r * factors, factors);
        }
        this.floor = floor;
        this.groups = List.copyOf(groups);
        this.rowGroup = rowGroup;
        this.models = List.copyOf(models);
        this.tripleRow = tripleRow;
        this.tripleModel = tripleModel;
        this.tripleScore = tripleScore;
        this.tripleWeight = tripleWeight;
    }

    int triples() {
        return tripleRow.length;
    }

    /**
     * Featurises the rows; with {@code balanceSources} each source's triples weigh the same in total (so the
     * largest file does not decide the difficulty weights alone), the overall weight still summing to the count.
     */
    static TrainingData build(List<OutcomeRow> rows, FeatureExtractor extractor, FeatureHasher hasher,
                              boolean balanceSources, boolean guessFloor) {
        List<String> models = new ArrayList<>(new TreeSet<>(rows.stream()
                .flatMap(r -> r.scores().keySet().stream()).toList()));
        Map<String, Integer> modelIndex = new HashMap<>();
        for (String m : models) {
            modelIndex.put(m, modelIndex.size());
        }
        Map<String, Integer> perSource = new HashMap<>();
        int total = 0;
        for (OutcomeRow r : rows) {
            perSource.merge(r.source(), r.scores().size(), Integer::sum);
            total += r.scores().size();
        }
        List<SparseVector> x = new ArrayList<>(rows.size());
        List<float[]> mixes = new ArrayList<>(rows.size());
        float[] floor = new float[rows.size()];
        int[] rowGroup = new int[rows.size()];
        Map<String, Integer> groupIndex = new java.util.LinkedHashMap<>();
        int[] tRow = new int[total];
        int[] tModel = new int[total];
        double[] tScore = new double[total];
        double[] tWeight = new double[total];
        int t = 0;
        for (OutcomeRow r : rows) {
            RequestFeatures f = extractor.extract(r.prompt());
            PromptShape shape = PromptShape.of(f.promptText());
            floor[x.size()] = guessFloor ? (float) shape.guessRate() : 0f;
            rowGroup[x.size()] = groupIndex.computeIfAbsent(r.source() + "/" + r.task(), k -> groupIndex.size());
            x.add(hasher.featurize(f, shape));
            mixes.add(QualityProfile.factorsOf(f));
            double weight = balanceSources ? (double) total / (perSource.size() * perSource.get(r.source())) : 1;
            for (String m : new TreeSet<>(r.scores().keySet())) {
                tRow[t] = x.size() - 1;
                tModel[t] = modelIndex.get(m);
                tScore[t] = r.scores().get(m);
                tWeight[t++] = weight;
            }
        }
        return new TrainingData(x, mixes, floor, new ArrayList<>(groupIndex.keySet()), rowGroup, models, tRow, tModel, tScore, tWeight);
    }
}
