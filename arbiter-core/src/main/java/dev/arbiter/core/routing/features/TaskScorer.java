package dev.arbiter.core.routing.features;

import dev.arbiter.core.routing.TaskType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Scores a prompt for each {@link TaskType} from {@link TaskLexicon}'s evidence and turns the scores into a task mix.
 *
 * <p>Each task's score is a sum of log-odds: chat starts at {@link TaskLexicon#CHAT_PRIOR}, every distinct lexicon term
 * and every structural match adds its weight (capped per group), and request facts add fixed amounts (tools defined,
 * tool turns, images, JSON mode, a long prompt). The mix is the softmax of the scores, p(t) = e^s(t) / Σ e^s(u),
 * so equal evidence splits evenly and each extra point makes a task e times likelier. Immutable and thread-safe.
 */
final class TaskScorer {
    private static final TaskType[] TYPES = TaskType.values();

    /** A lexicon term: its words and the group it belongs to; {@code id} indexes the per-call "seen" flags. */
    private record Term(int id, String[] words, int group) {
    }

    /** What the scorer knows about the request besides its text. */
    record Facts(int inputTokens, boolean hasImages, boolean hasTools, boolean hasToolTurns, boolean wantsJson) {
        static final Facts NONE = new Facts(0, false, false, false, false);
    }

    private final Map<String, List<Term>> termsByFirstWord = new HashMap<>();
    private final int termCount;

    TaskScorer() {
        int id = 0;
        for (int g = 0; g < TaskLexicon.GROUPS.size(); g++) {
            for (String phrase : TaskLexicon.GROUPS.get(g).termList()) {
                String[] words = phrase.split("\\s+");
                termsByFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Term(id++, words, g));
            }
        }
        termCount = id;
    }

    /** Raw scores indexed by {@link TaskType#ordinal()}. */
    double[] scores(String text, Facts facts) {
        double[] scores = new double[TYPES.length];
        scores[TaskType.CHAT.ordinal()] += TaskLexicon.CHAT_PRIOR;
        int[] groupHits = lexiconHits(words(text));
        for (int g = 0; g < groupHits.length; g++) {
            TaskLexicon.Group group = TaskLexicon.GROUPS.get(g);
            scores[group.type().ordinal()] += group.weight() * Math.min(groupHits[g], group.cap());
        }
        int multipleChoice = 0;
        for (TaskLexicon.Cue cue : TaskLexicon.CUES) {
            int n = count(cue, text);
            scores[cue.type().ordinal()] += cue.weight() * n;
            if (cue.name().equals("multiple-choice")) {
                multipleChoice = n;
            }
        }
        if (multipleChoice >= 2 && scores[TaskType.SCIENCE.ordinal()] > 0) {
            scores[TaskType.SCIENCE.ordinal()] += TaskLexicon.MULTIPLE_CHOICE_SCIENCE_BONUS;
        }
        addFacts(scores, facts);
        return scores;
    }

    /** The softmax of the scores as a task mix. */
    static Map<TaskType, Double> mix(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
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

    /** The highest-scoring task; ties go to the earlier (more specific) type, chat being last. */
    static TaskType top(double[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return TYPES[best];
    }

    private static void addFacts(double[] scores, Facts facts) {
        if (facts.hasTools()) {
            scores[TaskType.AGENTIC.ordinal()] += TaskLexicon.TOOLS_DEFINED;
        }
        if (facts.hasToolTurns()) {
            scores[TaskType.AGENTIC.ordinal()] += TaskLexicon.TOOL_TURNS;
        }
        if (facts.hasImages()) {
            scores[TaskType.VISION.ordinal()] += TaskLexicon.IMAGES;
        }
        if (facts.wantsJson()) {
            scores[TaskType.EXTRACTION.ordinal()] += TaskLexicon.JSON_MODE;
        }
        double ramp = (facts.inputTokens() - TaskLexicon.LONG_CONTEXT_FROM)
                / (double) (TaskLexicon.LONG_CONTEXT_FULL - TaskLexicon.LONG_CONTEXT_FROM);
        scores[TaskType.LONG_CONTEXT.ordinal()] += TaskLexicon.LONG_CONTEXT * Math.clamp(ramp, 0.0, 1.0);
    }

    private static int count(TaskLexicon.Cue cue, String text) {
        Matcher m = cue.pattern().matcher(text);
        int n = 0;
        while (n < cue.cap() && m.find()) {
            n++;
        }
        return n;
    }

    /** Distinct terms found per group; a phrase matches consecutive words, a plural falls back to its singular. */
    private int[] lexiconHits(List<String> words) {
        boolean[] seen = new boolean[termCount];
        int[] hits = new int[TaskLexicon.GROUPS.size()];
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            List<Term> terms = termsByFirstWord.get(w);
            if (terms == null && w.length() > 3 && w.endsWith("s")) {
                terms = termsByFirstWord.get(w.substring(0, w.length() - 1));
            }
            if (terms == null) {
                continue;
            }
            for (Term t : terms) {
                if (!seen[t.id()] && matchesAt(t.words(), words, i)) {
                    seen[t.id()] = true;
                    hits[t.group()]++;
                }
            }
        }
        return hits;
    }

    private static boolean matchesAt(String[] phrase, List<String> words, int at) {
        if (at + phrase.length > words.size()) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (!phrase[k].equals(words.get(at + k))) {
                return false;
            }
        }
        return true;
    }

    /** Lowercase words: letters, digits and the few symbols lexicon terms use (c++, c#, earth's, key-value). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>(text.length() / 5 + 1);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean inWord = Character.isLetterOrDigit(c) || (start >= 0 && (c == '\'' || c == '+' || c == '#'
                    || c == '-'));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(trimTrailing(text.substring(start, i)).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }

    /** Drops a trailing apostrophe or hyphen ("students'"), keeping c++ and c#. */
    private static String trimTrailing(String w) {
        int end = w.length();
        while (end > 1 && (w.charAt(end - 1) == '\'' || w.charAt(end - 1) == '-')) {
            end--;
        }
        return w.substring(0, end);
    }
}
