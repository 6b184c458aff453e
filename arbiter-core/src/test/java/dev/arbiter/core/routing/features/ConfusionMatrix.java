package dev.arbiter.core.routing.features;

import dev.arbiter.core.routing.TaskType;
import java.util.Locale;

/** Counts expected-versus-predicted task types and renders precision, recall and the matrix as Markdown. */
final class ConfusionMatrix {
    private static final TaskType[] TYPES = TaskType.values();
    private final long[][] counts = new long[TYPES.length][TYPES.length];

    void add(TaskType expected, TaskType predicted) {
        counts[expected.ordinal()][predicted.ordinal()]++;
    }

    long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    double accuracy() {
        long right = 0;
        for (int i = 0; i < TYPES.length; i++) {
            right += counts[i][i];
        }
        return total() == 0 ? 0 : right / (double) total();
    }

    long support(TaskType t) {
        long n = 0;
        for (long c : counts[t.ordinal()]) {
            n += c;
        }
        return n;
    }

    long predicted(TaskType t) {
        long n = 0;
        for (long[] row : counts) {
            n += row[t.ordinal()];
        }
        return n;
    }

    double recall(TaskType t) {
        long s = support(t);
        return s == 0 ? Double.NaN : counts[t.ordinal()][t.ordinal()] / (double) s;
    }

    double precision(TaskType t) {
        long p = predicted(t);
        return p == 0 ? Double.NaN : counts[t.ordinal()][t.ordinal()] / (double) p;
    }

    /** Mean recall over the classes that occur (each class weighs the same however many rows it has). */
    double balancedAccuracy() {
        double sum = 0;
        int n = 0;
        for (TaskType t : TYPES) {
            if (support(t) > 0) {
                sum += recall(t);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    String perClassTable() {
        StringBuilder sb = new StringBuilder("| class | rows | predicted | precision | recall | F1 |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (TaskType t : TYPES) {
            if (support(t) == 0 && predicted(t) == 0) {
                continue;
            }
            double p = precision(t);
            double r = recall(t);
            double f1 = 2 * p * r / (p + r);
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s |%n", t.configName(), support(t),
                    predicted(t), fmt(p), fmt(r), fmt(f1)));
        }
        return sb.toString();
    }

    /** Rows are the expected class, columns the predicted one; classes that never occur are left out. */
    String matrixTable() {
        StringBuilder sb = new StringBuilder("| expected \\ predicted |");
        StringBuilder rule = new StringBuilder("|---|");
        for (TaskType t : TYPES) {
            if (predicted(t) > 0 || support(t) > 0) {
                sb.append(' ').append(t.configName()).append(" |");
                rule.append("---:|");
            }
        }
        sb.append('\n').append(rule).append('\n');
        for (TaskType e : TYPES) {
            if (support(e) == 0) {
                continue;
            }
            sb.append("| ").append(e.configName()).append(" |");
            for (TaskType p : TYPES) {
                if (predicted(p) > 0 || support(p) > 0) {
                    sb.append(' ').append(counts[e.ordinal()][p.ordinal()]).append(" |");
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }
}
