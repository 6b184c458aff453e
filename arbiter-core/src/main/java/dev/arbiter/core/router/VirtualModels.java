package dev.arbiter.core.router;

import dev.arbiter.core.routing.TaskType;
import dev.arbiter.core.routing.policy.Policies;
import java.util.ArrayList;
import java.util.List;

/**
 * The model names Arbiter answers to without a catalog entry: {@code auto} (cheapest model meeting the quality
 * bar), {@code auto:<task>} (the same with the task type forced), {@code fast} (lowest latency among those meeting
 * the bar) and {@code best} (most likely to succeed). {@code direct} is reserved too: it is what
 * {@code x-arbiter-route} says when the caller named a concrete model.
 */
public final class VirtualModels {
    public static final String AUTO = "auto";
    public static final String FAST = "fast";
    public static final String BEST = "best";
    public static final String DIRECT = "direct";
    static final String TASK_PREFIX = "auto:";
    /** Names routes may not take, as shown in errors. */
    public static final List<String> RESERVED = List.of(AUTO, TASK_PREFIX + "<task>", FAST, BEST, DIRECT);

    private VirtualModels() {
    }

    /** One entry of {@code GET /v1/models} that is not a catalog model: a virtual model or a configured route. */
    public record Listed(String id, String kind, String policy, String description) {
    }

    public static boolean isReserved(String name) {
        return name.equals(AUTO) || name.equals(FAST) || name.equals(BEST) || name.equals(DIRECT)
                || name.startsWith(TASK_PREFIX);
    }

    /** The valid {@code auto:<task>} suffixes, in declaration order. */
    static List<String> taskNames() {
        return java.util.Arrays.stream(TaskType.values()).map(TaskType::configName).toList();
    }

    /** The virtual models, in the order {@code /v1/models} lists them. */
    static List<Listed> listed() {
        List<Listed> out = new ArrayList<>();
        out.add(new Listed(AUTO, "virtual", Policies.CHEAPEST_MEETING_BAR,
                "Cheapest model likely enough to answer well (quality bar per task type)"));
        for (TaskType task : TaskType.values()) {
            out.add(new Listed(TASK_PREFIX + task.configName(), "virtual", Policies.CHEAPEST_MEETING_BAR,
                    "As auto, with the task type fixed to " + task.configName()));
        }
        out.add(new Listed(FAST, "virtual", Policies.LOWEST_LATENCY, "Lowest-latency model meeting the quality bar"));
        out.add(new Listed(BEST, "virtual", Policies.BEST_WITHIN_BUDGET, "Model most likely to answer well"));
        return out;
    }
}
