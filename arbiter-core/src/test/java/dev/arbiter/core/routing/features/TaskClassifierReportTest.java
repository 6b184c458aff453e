package dev.arbiter.core.routing.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.TaskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The task classifier's accuracy on the shared outcome files: per-class precision and recall, the confusion matrix,
 * per-dataset accuracy, language checks and extraction latency, written to target/task-classifier-report.md.
 * Skipped when the shared data is not on disk; fails when accuracy drops below the floors.
 */
class TaskClassifierReportTest {
    static final double OVERALL_FLOOR = 0.80;
    static final double CLASS_RECALL_FLOOR = 0.70;
    static final double CHINESE_EXAM_ZH_FLOOR = 0.97;
    static final double ENGLISH_EN_FLOOR = 0.90;
    static final double ENGLISH_WORD_LISTS_EN_FLOOR = 0.80;

    final HeuristicFeatureExtractor extractor = new HeuristicFeatureExtractor();

    /** Per dataset: rows, rows right, predicted-type counts, language counts. */
    static final class DatasetStats {
        long rows;
        long right;
        final Map<String, Long> predicted = new TreeMap<>();
        final Map<String, Long> languages = new TreeMap<>();

        double share(Map<String, Long> counts, String key) {
            return counts.getOrDefault(key, 0L) / (double) rows;
        }
    }

    @Test
    void classifiesTheLabelledSharedPromptsAboveTheFloor() throws IOException {
        Path dir = LabelledPrompts.dataDir();
        assumeTrue(dir != null, "shared routing data not found (set -Darbiter.routing.data=DIR)");
        List<LabelledPrompts.Row> rows = LabelledPrompts.load(dir);
        assumeTrue(!rows.isEmpty(), "no rows in " + dir);

        ConfusionMatrix matrix = new ConfusionMatrix();
        Map<String, DatasetStats> datasets = new TreeMap<>();
        long[] nanos = new long[rows.size()];
        warmUp(rows);
        for (int i = 0; i < rows.size(); i++) {
            LabelledPrompts.Row row = rows.get(i);
            long start = System.nanoTime();
            RequestFeatures f = extractor.extract(row.prompt());
            nanos[i] = System.nanoTime() - start;
            DatasetStats s = datasets.computeIfAbsent(row.dataset(), k -> new DatasetStats());
            s.rows++;
            s.predicted.merge(f.taskType().configName(), 1L, Long::sum);
            s.languages.merge(f.language(), 1L, Long::sum);
            if (row.expected() != null) {
                matrix.add(row.expected(), f.taskType());
                s.right += row.expected() == f.taskType() ? 1 : 0;
            }
        }
        String report = render(matrix, datasets, nanos, rows);
        Path out = Path.of("target", "task-classifier-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);

        assertThat(matrix.accuracy()).as("overall accuracy on labelled rows").isGreaterThanOrEqualTo(OVERALL_FLOOR);
        for (TaskType t : TaskType.values()) {
            if (matrix.support(t) > 0) {
                assertThat(matrix.recall(t)).as("recall of " + t).isGreaterThanOrEqualTo(CLASS_RECALL_FLOOR);
            }
        }
        datasets.forEach((name, s) -> {
            if (LabelledPrompts.CHINESE_EXAMS.stream().anyMatch(name::endsWith)) {
                assertThat(s.share(s.languages, "zh")).as("zh share of " + name)
                        .isGreaterThanOrEqualTo(CHINESE_EXAM_ZH_FLOOR);
            } else if (!name.startsWith("open7b/humaneval") && !name.startsWith("open7b/javascript")) {
                // llmrouter holds bare word lists ("scooter, end, indoor, ..."), for which "und" is the right answer.
                double floor = name.startsWith("llmrouter") ? ENGLISH_WORD_LISTS_EN_FLOOR : ENGLISH_EN_FLOOR;
                assertThat(s.share(s.languages, "en")).as("en share of " + name).isGreaterThanOrEqualTo(floor);
            }
        });
    }

    private void warmUp(List<LabelledPrompts.Row> rows) {
        for (int i = 0; i < Math.min(2_000, rows.size()); i++) {
            extractor.extract(rows.get(i * 7 % rows.size()).prompt());
        }
    }

    private static String render(ConfusionMatrix m, Map<String, DatasetStats> datasets, long[] nanos,
            List<LabelledPrompts.Row> rows) {
        StringBuilder sb = new StringBuilder("# Task classifier report (HeuristicFeatureExtractor)\n\n");
        sb.append(String.format(Locale.ROOT, "Labelled rows: %d. Accuracy: **%.3f**; balanced accuracy (mean recall):"
                + " **%.3f**.%n%n", m.total(), m.accuracy(), m.balancedAccuracy()));
        sb.append("Labels: mbpp, humaneval, javascript → coding; MATH, gsm8k-train → math; arc, arc-challenge →"
                + " science; winogrande → chat. ceval/cmmlu (Chinese exams, all subjects, no subject label) are"
                + " reported as \"exam (zh)\" with a language check only; llmrouter clusters are unlabelled.\n\n");
        sb.append("## Per class\n\n").append(m.perClassTable()).append('\n');
        sb.append("## Confusion matrix\n\n").append(m.matrixTable()).append('\n');
        sb.append("## Per dataset\n\n| dataset | rows | accuracy | predicted | languages |\n|---|---:|---:|---|---|\n");
        datasets.forEach((name, s) -> sb.append(String.format(Locale.ROOT, "| %s%s | %d | %s | %s | %s |%n", name,
                LabelledPrompts.CHINESE_EXAMS.stream().anyMatch(name::endsWith) ? " (exam (zh))" : "", s.rows,
                labelled(name, rows) ? ConfusionMatrix.fmt(s.right / (double) s.rows) : "–",
                s.predicted, s.languages)));
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        sb.append(String.format(Locale.ROOT, "%n## Latency of extract(prompt)%n%np50 %.1f µs, p90 %.1f µs, p99 %.1f µs,"
                + " max %.1f µs over %d prompts (single thread, after warm-up; includes token counting).%n",
                sorted[sorted.length / 2] / 1e3, sorted[sorted.length * 9 / 10] / 1e3,
                sorted[sorted.length * 99 / 100] / 1e3, sorted[sorted.length - 1] / 1e3, sorted.length));
        return sb.toString();
    }

    private static boolean labelled(String dataset, List<LabelledPrompts.Row> rows) {
        List<LabelledPrompts.Row> match = new ArrayList<>();
        for (LabelledPrompts.Row r : rows) {
            if (r.dataset().equals(dataset)) {
                match.add(r);
                break;
            }
        }
        return !match.isEmpty() && match.getFirst().expected() != null;
    }
}
