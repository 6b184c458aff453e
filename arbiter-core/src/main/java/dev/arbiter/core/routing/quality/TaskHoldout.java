package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.replay.OutcomeRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Whole-task cross-validation, the way the router meets an unseen outcome set: for each task (source/task) among
 * the evaluated rows, fit a base profile on every row of the other tasks (less copies of its items in other
 * files), then predict the held-out task's rows from their prompts alone. Returns the held-out predictions (for replay) and each fold's calibration against the
 * per-model-mean baseline fitted on the same training rows. Deterministic.
 */
public final class TaskHoldout {
    /** One held-out task: its calibration under the profile and under the per-model-mean baseline. */
    public record Fold(String task, int rows, ScoreMetrics model, ScoreMetrics meanBaseline) {
    }

    /** The folds, and every evaluated row's held-out probability per model (row id, then model). */
    public record Result(List<Fold> folds, Map<String, Map<String, Double>> predictions) {
    }

    private final FeatureExtractor extractor;
    private final TrainerOptions options;

    public TaskHoldout(FeatureExtractor extractor, TrainerOptions options) {
        this.extractor = extractor;
        this.options = options;
    }

    /** Holds out, one at a time, each task that has a row matching {@code evaluated}. */
    public Result run(List<OutcomeRow> rows, Predicate<OutcomeRow> evaluated) {
        MemoExtractor memo = new MemoExtractor(extractor, rows);
        List<String> tasks = rows.stream().filter(evaluated).map(TaskHoldout::task).distinct().sorted().toList();
        List<Fold> folds = new ArrayList<>();
        Map<String, Map<String, Double>> predictions = new LinkedHashMap<>();
        for (String task : tasks) {
            List<OutcomeRow> test = rows.stream().filter(r -> task(r).equals(task)).toList();
            List<OutcomeRow> train = trainingRows(rows, task, test);
            QualityProfile profile = withEveryModel(new QualityTrainer(memo, options, AbilityPrior.population())
                    .fitBase(train, List.of()), test);
            ScoreMetrics metrics = new ScoreMetrics();
            for (OutcomeRow r : test) {
                QualityProfile.Prepared prepared = profile.prepare(memo.extract(r.prompt()));
                Map<String, Double> p = new TreeMap<>();
                r.scores().forEach((m, y) -> {
                    double q = prepared.pSuccess(m);
                    p.put(m, q);
                    metrics.add(q, y);
                });
                predictions.put(r.id(), p);
            }
            folds.add(new Fold(task, test.size(), metrics, QualityEvaluation.scoreMean(train, test)));
        }
        return new Result(List.copyOf(folds), predictions);
    }

    /**
     * Every row of the other tasks except copies of the held-out task's items ({@link ItemStem}): the same ARC
     * or MBPP question appears in several files with other models, and its outcomes there are part of the task.
     */
    static List<OutcomeRow> trainingRows(List<OutcomeRow> rows, String task, List<OutcomeRow> test) {
        Set<String> items = new HashSet<>();
        test.forEach(r -> items.add(ItemStem.of(r.prompt())));
        return rows.stream().filter(r -> !task(r).equals(task) && !items.contains(ItemStem.of(r.prompt()))).toList();
    }

    /** A model seen only in the held-out task starts at the population prior, as a new model would. */
    private static QualityProfile withEveryModel(QualityProfile profile, List<OutcomeRow> test) {
        QualityProfile out = profile;
        for (OutcomeRow r : test) {
            for (String m : r.scores().keySet()) {
                if (out.ability(m) == null) {
                    out = out.withModel(m, profile.populationPrior());
                }
            }
        }
        return out;
    }

    /** The task key: source and task label, since two sources may reuse a task name (e.g. mbpp). */
    static String task(OutcomeRow r) {
        return r.source() + "/" + r.task();
    }
}
