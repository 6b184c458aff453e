package dev.arbiter.core.config;

import dev.arbiter.core.routing.TaskType;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads quality bars (fractions in [0, 1]) and per-task-type bar mappings for the routing and routes sections. */
final class QualityBars {
    private static final List<String> TASKS = Arrays.stream(TaskType.values()).map(TaskType::configName).toList();

    private QualityBars() {
    }

    /** A quality bar: the minimum acceptable probability of a good answer. */
    static double bar(Cursor c) {
        double value = c.decimal().doubleValue();
        if (!(value >= 0 && value <= 1)) {
            throw c.error("a quality bar is a probability between 0 and 1 (write 0.8 for 80%), got " + value);
        }
        return value;
    }

    /** {@code {coding: 0.9, math: 0.85}}: task type names to bars. */
    static Map<TaskType, Double> perTask(Cursor c) {
        Map<TaskType, Double> out = new EnumMap<>(TaskType.class);
        for (Map.Entry<String, Cursor> e : c.entries().entrySet()) {
            TaskType task = TaskType.fromConfigName(e.getKey());
            if (task == null) {
                throw e.getValue().error("unknown task type '" + e.getKey() + "'" + Suggest.hint(e.getKey(), TASKS));
            }
            out.put(task, bar(e.getValue()));
        }
        return out;
    }

    /** A cost cap in USD per request, >= 0. */
    static double usd(Cursor c) {
        double value = c.decimal().doubleValue();
        if (value < 0) {
            throw c.error("a cost cap must not be negative, got " + value);
        }
        return value;
    }
}
