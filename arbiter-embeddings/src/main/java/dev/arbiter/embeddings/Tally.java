package dev.arbiter.embeddings;

import dev.arbiter.core.routing.TaskType;
import java.util.EnumMap;
import java.util.Map;

/** Per-class counts of one classifier on labelled prompts: support, hits and predictions, for recall and precision. */
final class Tally {
    private final Map<TaskType, int[]> counts = new EnumMap<>(TaskType.class);
    private int total;
    private int hits;

    void add(TaskType expected, TaskType predicted) {
        counts.computeIfAbsent(expected, t -> new int[3])[0]++;
        counts.computeIfAbsent(predicted, t -> new int[3])[2]++;
        total++;
        if (expected == predicted) {
            counts.get(expected)[1]++;
            hits++;
        }
    }

    int support(TaskType t) {
        return counts.getOrDefault(t, new int[3])[0];
    }

    double recall(TaskType t) {
        int[] c = counts.getOrDefault(t, new int[3]);
        return c[0] == 0 ? Double.NaN : c[1] / (double) c[0];
    }

    double precision(TaskType t) {
        int[] c = counts.getOrDefault(t, new int[3]);
        return c[2] == 0 ? Double.NaN : c[1] / (double) c[2];
    }

    double accuracy() {
        return total == 0 ? Double.NaN : hits / (double) total;
    }

    /** Mean recall over the classes that have examples. */
    double balancedAccuracy() {
        double sum = 0;
        int n = 0;
        for (TaskType t : TaskType.values()) {
            if (support(t) > 0) {
                sum += recall(t);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    int total() {
        return total;
    }
}
