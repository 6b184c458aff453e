package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.TaskType;
import java.util.Map;

/**
 * Which task type each catalog benchmark speaks for, and what an anchor-class model (GPT-4 Turbo, the strongest
 * model of the shipped outcome data) scores on it. A benchmark with a null type speaks for the model in general.
 *
 * <p>References: MMLU, GPQA, MATH, HumanEval, MGSM and DROP are gpt-4-1106-preview's own scores in
 * openai/simple-evals. The others are the nearest GPT-4-class figure published: SWE-bench Verified 0.33 (GPT-4o,
 * OpenAI's SWE-bench Verified announcement), AIME 0.12 (GPT-4o on AIME 2024, OpenAI's o1 announcement), OSWorld 0.12
 * (GPT-4V, OSWorld paper), MMMU 0.57 (GPT-4V, MMMU paper), ARC-AGI-2 0.01 (GPT-4-class models without reasoning
 * score about nothing). A benchmark without a reference (NaN) counts relative to the other catalog models that
 * report it, so it orders models without moving their level.
 */
final class BenchmarkMap {
    /** A benchmark's task type (null: general ability) and the anchor-class reference score (NaN: none). */
    record Entry(TaskType type, double reference) {
    }

    static final Map<String, Entry> KNOWN = Map.ofEntries(
            Map.entry("swe_bench_verified", new Entry(TaskType.CODING, 0.33)),
            Map.entry("humaneval", new Entry(TaskType.CODING, 0.837)),
            Map.entry("livecodebench", new Entry(TaskType.CODING, Double.NaN)),
            Map.entry("aider_polyglot", new Entry(TaskType.CODING, Double.NaN)),
            Map.entry("terminal_bench", new Entry(TaskType.CODING, Double.NaN)),
            Map.entry("math", new Entry(TaskType.MATH, 0.643)),
            Map.entry("math_500", new Entry(TaskType.MATH, 0.643)),
            Map.entry("mgsm", new Entry(TaskType.MATH, 0.871)),
            Map.entry("aime", new Entry(TaskType.MATH, 0.12)),
            Map.entry("arc_agi_2", new Entry(TaskType.MATH, 0.01)),
            Map.entry("gpqa", new Entry(TaskType.SCIENCE, 0.425)),
            Map.entry("gpqa_diamond", new Entry(TaskType.SCIENCE, 0.425)),
            Map.entry("osworld", new Entry(TaskType.AGENTIC, 0.12)),
            Map.entry("tau_bench", new Entry(TaskType.AGENTIC, Double.NaN)),
            Map.entry("tau2_bench", new Entry(TaskType.AGENTIC, Double.NaN)),
            Map.entry("browsecomp", new Entry(TaskType.AGENTIC, Double.NaN)),
            Map.entry("mmmu", new Entry(TaskType.VISION, 0.568)),
            Map.entry("drop", new Entry(TaskType.EXTRACTION, 0.832)),
            Map.entry("mrcr", new Entry(TaskType.LONG_CONTEXT, Double.NaN)),
            Map.entry("mmlu", new Entry(null, 0.847)),
            Map.entry("mmlu_pro", new Entry(null, Double.NaN)),
            Map.entry("aa_intelligence_index", new Entry(null, Double.NaN)));

    private BenchmarkMap() {
    }
}
