package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.replay.OutcomeFile;
import dev.arbiter.core.routing.replay.OutcomeRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Cross-validation of the quality model that mimics unseen outcome sets: (1) hold out each whole task and predict
 * it zero-shot from a base fitted on the rest; (2) hold out each whole source (its models are then all new), fit
 * abilities on {@code sampleRows} of its rows and predict the others; (3) hold out one model per source from the
 * base, fit it on {@code sampleRows} of its rows and predict its others. Every variant is compared with the
 * per-model mean success rate of the same training rows. Deterministic for a given seed.
 */
public final class QualityEvaluation {
    /** One fold's metrics per variant ("irt", "mean", ...). */
    public record Fold(String scenario, String heldOut, Map<String, ScoreMetrics> variants) {
    }

    private final FeatureExtractor extractor;
    private final TrainerOptions options;
    private final int sampleRows;
    private final long seed;

    public QualityEvaluation(FeatureExtractor extractor, TrainerOptions options, int sampleRows, long seed) {
        this.extractor = extractor;
        this.options = options;
        this.sampleRows = sampleRows;
        this.seed = seed;
    }

    public List<Fold> run(List<OutcomeRow> rows, List<String> scenarios) {
        MemoExtractor memo = new MemoExtractor(extractor, rows);
        List<Fold> folds = new ArrayList<>();
        if (scenarios.contains("task")) {
            folds.addAll(taskHoldout(rows, memo));
        }
        if (scenarios.contains("source")) {
            folds.addAll(sourceHoldout(rows, memo));
        }
        if (scenarios.contains("model")) {
            folds.addAll(modelHoldout(rows, memo));
        }
        return folds;
    }

    List<Fold> taskHoldout(List<OutcomeRow> rows, FeatureExtractor memo) {
        List<Fold> folds = new ArrayList<>();
        for (String task : distinct(rows, r -> r.source() + "/" + r.task())) {
            Predicate<OutcomeRow> held = r -> (r.source() + "/" + r.task()).equals(task);
            List<OutcomeRow> train = filter(rows, held.negate());
            List<OutcomeRow> test = filter(rows, held);
            QualityProfile base = new QualityTrainer(memo, options, AbilityPrior.population()).fitBase(train, List.of());
            Map<String, ScoreMetrics> v = new LinkedHashMap<>();
            v.put("irt", score(base, test, memo));
            v.put("mean", scoreMean(train, test));
            folds.add(new Fold("task", task, v));
        }
        return folds;
    }

    List<Fold> sourceHoldout(List<OutcomeRow> rows, FeatureExtractor memo) {
        List<Fold> folds = new ArrayList<>();
        for (String source : distinct(rows, OutcomeRow::source)) {
            List<OutcomeRow> held = filter(rows, r -> r.source().equals(source));
            List<OutcomeRow> sample = sample(held);
            List<OutcomeRow> test = filter(held, r -> !sample.contains(r));
            QualityProfile base = new QualityTrainer(memo, options, AbilityPrior.population())
                    .fitBase(filter(rows, r -> !r.source().equals(source)), List.of());
            Map<String, ScoreMetrics> v = new LinkedHashMap<>();
            v.put("irt+fit", score(new QualityTrainer(memo, options, AbilityPrior.population())
                    .fit(base, sample, List.of()), test, memo));
            v.put("irt+fit+tune", score(new QualityTrainer(memo, options.withTuneDifficulty(true),
                    AbilityPrior.population()).fit(base, sample, List.of()), test, memo));
            v.put("scratch", score(new QualityTrainer(memo, options, AbilityPrior.population())
                    .fitBase(sample, List.of()), test, memo));
            v.put("mean", scoreMean(sample, test));
            folds.add(new Fold("source", source, v));
        }
        return folds;
    }

    List<Fold> modelHoldout(List<OutcomeRow> rows, FeatureExtractor memo) {
        List<Fold> folds = new ArrayList<>();
        for (String source : distinct(rows, OutcomeRow::source)) {
            List<OutcomeRow> own = filter(rows, r -> r.source().equals(source) && !r.scores().isEmpty());
            String model = new TreeMap<>(own.getFirst().scores()).lastKey();
            List<OutcomeRow> withModel = filter(own, r -> r.scores().containsKey(model));
            List<OutcomeRow> only = withModel.stream().map(r -> onlyModel(r, model)).toList();
            List<OutcomeRow> sample = sample(only);
            List<OutcomeRow> test = filter(only, r -> !sample.contains(r));
            List<OutcomeRow> baseRows = rows.stream().map(r -> withoutModel(r, model)).toList();
            QualityProfile base = new QualityTrainer(memo, options, AbilityPrior.population()).fitBase(baseRows, List.of());
            Map<String, ScoreMetrics> v = new LinkedHashMap<>();
            v.put("irt+fit", score(new QualityTrainer(memo, options, AbilityPrior.population())
                    .fit(base, sample, List.of()), test, memo));
            v.put("mean", scoreMean(sample, test));
            folds.add(new Fold("model", model, v));
        }
        return folds;
    }

    private List<OutcomeRow> sample(List<OutcomeRow> rows) {
        List<OutcomeRow> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, Math.min(sampleRows, shuffled.size() / 2)));
    }

    static ScoreMetrics score(QualityProfile profile, List<OutcomeRow> test, FeatureExtractor memo) {
        ScoreMetrics metrics = new ScoreMetrics();
        for (OutcomeRow r : test) {
            QualityProfile.Prepared prepared = profile.prepare(memo.extract(r.prompt()));
            new TreeMap<>(r.scores()).forEach((m, y) -> metrics.add(prepared.pSuccess(m), y));
        }
        return metrics;
    }

    static ScoreMetrics scoreMean(List<OutcomeRow> train, List<OutcomeRow> test) {
        Map<String, double[]> sums = new TreeMap<>();
        for (OutcomeRow r : train) {
            r.scores().forEach((m, y) -> {
                double[] s = sums.computeIfAbsent(m, k -> new double[2]);
                s[0] += y;
                s[1]++;
            });
        }
        ScoreMetrics metrics = new ScoreMetrics();
        for (OutcomeRow r : test) {
            new TreeMap<>(r.scores()).forEach((m, y) -> {
                double[] s = sums.get(m);
                metrics.add(s == null ? 0.5 : (s[0] + 0.5) / (s[1] + 1), y);
            });
        }
        return metrics;
    }

    private static OutcomeRow onlyModel(OutcomeRow r, String model) {
        return OutcomeRow.ofScores(r.id(), r.source(), r.task(), r.prompt(), Map.of(model, r.scores().get(model)));
    }

    private static OutcomeRow withoutModel(OutcomeRow r, String model) {
        Map<String, Double> scores = new TreeMap<>(r.scores());
        scores.remove(model);
        return OutcomeRow.ofScores(r.id(), r.source(), r.task(), r.prompt(), scores);
    }

    private static List<OutcomeRow> filter(List<OutcomeRow> rows, Predicate<OutcomeRow> keep) {
        return rows.stream().filter(keep).toList();
    }

    private static List<String> distinct(List<OutcomeRow> rows, java.util.function.Function<OutcomeRow, String> key) {
        return rows.stream().map(key).distinct().sorted().toList();
    }
}
