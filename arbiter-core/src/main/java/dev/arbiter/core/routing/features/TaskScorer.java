package dev.arbiter.core.routing.features;

import dev.arbiter.core.routing.TaskType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a prompt for each {@link TaskType} from {@link TaskLexicon}'s words and {@link TaskCues}' structure, and turns
 * the scores into a task mix.
 *
 * <p>Each score is a sum of log-odds. Chat starts at {@link TaskCues#CHAT_PRIOR}; every distinct lexicon term adds its
 * group's weight (capped per group); vocabulary groups and the number count are multiplied by
 * min(1, sqrt({@link TaskCues#REFERENCE_WORDS} / words)), because three science words in a one-line question say more
 * than three in a long letter; structural cues add per match (capped); two interactions add a bonus (a quantity
 * question over a text with quantities is a word problem; science vocabulary inside multiple-choice options is an
 * exam question); request facts add fixed amounts (tools, tool turns, images, JSON mode, a long prompt). The mix is
 * the softmax of the scores, p(t) = e^s(t) / Σ e^s(u): equal evidence splits evenly and each extra point makes a task
 * e times likelier. The slice is read once ({@link TextScan}): words, cues and numbers work from the positions that
 * pass recorded. Immutable and thread-safe.
 */
final class TaskScorer {
    private static final TaskType[] TYPES = TaskType.values();

    /** What the scorer knows about the request besides its text. */
    record Facts(int inputTokens, boolean hasImages, boolean hasTools, boolean hasToolTurns, boolean wantsJson) {
        static final Facts NONE = new Facts(0, false, false, false, false);
    }

    private final LexiconIndex lexicon = new LexiconIndex(TaskLexicon.GROUPS);

    /** Raw scores indexed by {@link TaskType#ordinal()}. */
    double[] scores(String text, Facts facts) {
        return scores(text, text.length(), facts, null);
    }

    /**
     * Raw scores of a slice of a longer text ({@link PromptText#scored}): vocabulary is scaled by the word count
     * extrapolated to {@code fullChars}, so a long document's stray terms weigh as little as if it were read whole.
     */
    double[] scores(String slice, int fullChars, Facts facts) {
        return scores(slice, fullChars, facts, null);
    }

    /** The evidence that fired, as "group:term" and "cue×count" strings, for tests and tuning. */
    List<String> explain(String text, Facts facts) {
        List<String> trace = new ArrayList<>();
        scores(text, text.length(), facts, trace);
        return trace;
    }

    private double[] scores(String text, int fullChars, Facts facts, List<String> trace) {
        double[] s = new double[TYPES.length];
        s[TaskType.CHAT.ordinal()] += TaskCues.CHAT_PRIOR;
        TextScan scan = new TextScan(text, lexicon);
        Words words = scan.words();
        double allWords = words.count() * (fullChars / (double) Math.max(1, text.length()));
        double scale = Math.min(1.0, Math.sqrt(TaskCues.REFERENCE_WORDS / Math.max(1.0, allWords)));
        int[] hits = lexicon.hits(words, trace);
        for (int g = 0; g < hits.length; g++) {
            TaskLexicon.Group group = TaskLexicon.GROUPS.get(g);
            double sum = group.weight() * Math.min(hits[g], group.cap());
            s[group.type().ordinal()] += group.scaled() ? sum * scale : sum;
        }
        int multipleChoice = 0;
        double codeShape = 0;
        for (TaskCues.Cue cue : TaskCues.CUES) {
            int n = cue.count(scan);
            note(trace, cue.name(), n);
            s[cue.type().ordinal()] += cue.weight() * n;
            multipleChoice = cue == TaskCues.MULTIPLE_CHOICE ? n : multipleChoice;
            codeShape += cue.type() == TaskType.CODING ? cue.weight() * n : 0;
        }
        if (codeShape >= TaskCues.CODE_SHAPED_MIN) {
            s[TaskType.CODING.ordinal()] += TaskCues.CODE_SHAPED;
            note(trace, "code-shaped", 1);
        }
        NumberScanner.Counts numbers = NumberScanner.scan(scan, TaskCues.NUMBER_CAP);
        note(trace, "numbers", numbers.numbers());
        note(trace, "arithmetic", numbers.arithmetic());
        note(trace, "units", numbers.units());
        s[TaskType.MATH.ordinal()] += TaskCues.NUMBER * Math.min(numbers.numbers(), TaskCues.NUMBER_CAP) * scale
                + TaskCues.ARITHMETIC * Math.min(numbers.arithmetic(), TaskCues.ARITHMETIC_CAP);
        s[TaskType.SCIENCE.ordinal()] += TaskCues.UNIT * Math.min(numbers.units(), TaskCues.UNIT_CAP);
        addInteractions(s, hits, numbers, multipleChoice, trace);
        addFacts(s, facts);
        return s;
    }

    private static void addInteractions(double[] s, int[] hits, NumberScanner.Counts numbers, int multipleChoice,
            List<String> trace) {
        boolean quantities = numbers.numbers() > 0 || hits[TaskLexicon.GROUPS.indexOf(TaskLexicon.MATH_WORDS)] > 0;
        if (hits[TaskLexicon.GROUPS.indexOf(TaskLexicon.QUANTITY_QUESTIONS)] > 0 && quantities) {
            s[TaskType.MATH.ordinal()] += TaskCues.WORD_PROBLEM;
            note(trace, "word-problem", 1);
        }
        boolean scienceTerms = hits[TaskLexicon.GROUPS.indexOf(TaskLexicon.SCIENCE_TERMS)] > 0
                || hits[TaskLexicon.GROUPS.indexOf(TaskLexicon.EXAM_STYLE)] > 0;
        if (multipleChoice >= 2 && scienceTerms) {
            s[TaskType.SCIENCE.ordinal()] += TaskCues.MULTIPLE_CHOICE_SCIENCE;
            note(trace, "science-exam", 1);
        }
    }

    private static void addFacts(double[] s, Facts facts) {
        if (facts.hasTools()) {
            s[TaskType.AGENTIC.ordinal()] += TaskCues.TOOLS_DEFINED;
        }
        if (facts.hasToolTurns()) {
            s[TaskType.AGENTIC.ordinal()] += TaskCues.TOOL_TURNS;
        }
        if (facts.hasImages()) {
            s[TaskType.VISION.ordinal()] += TaskCues.IMAGES;
        }
        if (facts.wantsJson()) {
            s[TaskType.EXTRACTION.ordinal()] += TaskCues.JSON_MODE;
        }
        double ramp = (facts.inputTokens() - TaskCues.LONG_CONTEXT_FROM)
                / (double) (TaskCues.LONG_CONTEXT_FULL - TaskCues.LONG_CONTEXT_FROM);
        s[TaskType.LONG_CONTEXT.ordinal()] += TaskCues.LONG_CONTEXT * Math.clamp(ramp, 0.0, 1.0);
    }

    /** The softmax of the scores as a task mix. */
    static Map<TaskType, Double> mix(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : scores) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            e[i] = Math.exp(scores[i] - max);
            sum += e[i];
        }
        Map<TaskType, Double> mix = new EnumMap<>(TaskType.class);
        for (int i = 0; i < scores.length; i++) {
            mix.put(TYPES[i], e[i] / sum);
        }
        return mix;
    }

    /** The highest-scoring task; ties go to the earlier type in {@link TaskType}'s order. */
    static TaskType top(double[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return TYPES[best];
    }

    private static void note(List<String> trace, String name, int n) {
        if (trace != null && n > 0) {
            trace.add(name + "×" + n);
        }
    }
}
