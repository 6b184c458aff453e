package dev.arbiter.core.routing.features;

import dev.arbiter.core.routing.TaskType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The task scorer written the plain way, as it was before the shared {@link TextScan}: words split into lowercase
 * strings and looked up in hash maps, cues counted by repeated {@link java.util.regex.Matcher#find()} over the whole
 * text after the hint check, numbers scanned character by character with {@link Character} predicates. Tests compare
 * the fast scorer with it bit for bit.
 */
final class ReferenceScorer {
    private record Term(int id, String[] words, int group) {
    }

    private final Map<String, List<Term>> byFirstWord = new HashMap<>();
    private final List<Term> suffixes = new ArrayList<>();
    private final int termCount;

    ReferenceScorer() {
        int id = 0;
        for (int g = 0; g < TaskLexicon.GROUPS.size(); g++) {
            for (String phrase : TaskLexicon.GROUPS.get(g).termList()) {
                if (phrase.startsWith("*")) {
                    suffixes.add(new Term(id++, new String[] {phrase.substring(1)}, g));
                } else {
                    String[] words = phrase.split("\\s+");
                    byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Term(id++, words, g));
                }
            }
        }
        termCount = id;
    }

    /** {@link TaskScorer#scores(String, int, TaskScorer.Facts)}'s arithmetic over the plain counts. */
    double[] scores(String text, int fullChars, TaskScorer.Facts facts) {
        double[] s = new double[TaskType.values().length];
        s[TaskType.CHAT.ordinal()] += TaskCues.CHAT_PRIOR;
        List<String> words = words(text);
        double allWords = words.size() * (fullChars / (double) Math.max(1, text.length()));
        double scale = Math.min(1.0, Math.sqrt(TaskCues.REFERENCE_WORDS / Math.max(1.0, allWords)));
        int[] hits = hits(words, null);
        for (int g = 0; g < hits.length; g++) {
            TaskLexicon.Group group = TaskLexicon.GROUPS.get(g);
            double sum = group.weight() * Math.min(hits[g], group.cap());
            s[group.type().ordinal()] += group.scaled() ? sum * scale : sum;
        }
        int multipleChoice = 0;
        double codeShape = 0;
        for (TaskCues.Cue cue : TaskCues.CUES) {
            int n = CueStartsTest.findCount(cue, text);
            s[cue.type().ordinal()] += cue.weight() * n;
            multipleChoice = cue == TaskCues.MULTIPLE_CHOICE ? n : multipleChoice;
            codeShape += cue.type() == TaskType.CODING ? cue.weight() * n : 0;
        }
        if (codeShape >= TaskCues.CODE_SHAPED_MIN) {
            s[TaskType.CODING.ordinal()] += TaskCues.CODE_SHAPED;
        }
        NumberScanner.Counts numbers = numbers(text, TaskCues.NUMBER_CAP);
        s[TaskType.MATH.ordinal()] += TaskCues.NUMBER * Math.min(numbers.numbers(), TaskCues.NUMBER_CAP) * scale
                + TaskCues.ARITHMETIC * Math.min(numbers.arithmetic(), TaskCues.ARITHMETIC_CAP);
        s[TaskType.SCIENCE.ordinal()] += TaskCues.UNIT * Math.min(numbers.units(), TaskCues.UNIT_CAP);
        boolean quantities = numbers.numbers() > 0 || hits[TaskLexicon.GROUPS.indexOf(TaskLexicon.MATH_WORDS)] > 0;
        if (hits[TaskLexicon.GROUPS.indexOf(TaskLexicon.QUANTITY_QUESTIONS)] > 0 && quantities) {
            s[TaskType.MATH.ordinal()] += TaskCues.WORD_PROBLEM;
        }
        boolean scienceTerms = hits[TaskLexicon.GROUPS.indexOf(TaskLexicon.SCIENCE_TERMS)] > 0
                || hits[TaskLexicon.GROUPS.indexOf(TaskLexicon.EXAM_STYLE)] > 0;
        if (multipleChoice >= 2 && scienceTerms) {
            s[TaskType.SCIENCE.ordinal()] += TaskCues.MULTIPLE_CHOICE_SCIENCE;
        }
        addFacts(s, facts);
        return s;
    }

    private static void addFacts(double[] s, TaskScorer.Facts facts) {
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

    /** Distinct terms found per group; found terms go to {@code trace} if given. */
    int[] hits(List<String> words, List<String> trace) {
        boolean[] seen = new boolean[termCount];
        int[] hits = new int[TaskLexicon.GROUPS.size()];
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            List<Term> terms = byFirstWord.get(w);
            if (terms == null && w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
                terms = byFirstWord.get(w.substring(0, w.length() - 1));
            }
            if (terms == null) {
                terms = suffixMatches(w);
            }
            for (Term t : terms) {
                if (!seen[t.id()] && matchesAt(t.words(), words, i)) {
                    seen[t.id()] = true;
                    hits[t.group()]++;
                    if (trace != null) {
                        trace.add(TaskLexicon.GROUPS.get(t.group()).name() + ":" + String.join(" ", t.words()));
                    }
                }
            }
        }
        return hits;
    }

    private List<Term> suffixMatches(String word) {
        for (Term t : suffixes) {
            String suffix = t.words()[0];
            if (word.length() > suffix.length() + 2 && word.endsWith(suffix)) {
                return List.of(new Term(t.id(), new String[] {word}, t.group()));
            }
        }
        return List.of();
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
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean inWord = Character.isLetterOrDigit(c)
                    || (start >= 0 && (c == '\'' || c == '’' || c == '+' || c == '#' || c == '-'));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                String w = text.substring(start, i);
                int end = w.length();
                while (end > 1 && "'’-".indexOf(w.charAt(end - 1)) >= 0) {
                    end--;
                }
                words.add(w.substring(0, end).toLowerCase(Locale.ROOT).replace('’', '\''));
                start = -1;
            }
        }
        return words;
    }

    static NumberScanner.Counts numbers(String text, int cap) {
        int numbers = 0;
        int arithmetic = 0;
        int units = 0;
        int n = text.length();
        for (int i = 0; i < n && numbers < 4 * cap; i++) {
            if (!Character.isDigit(text.charAt(i)) || (i > 0 && partOfWord(text.charAt(i - 1)))) {
                continue;
            }
            int end = i;
            while (end < n && (Character.isDigit(text.charAt(end))
                    || ((text.charAt(end) == '.' || text.charAt(end) == ',') && end + 1 < n
                    && Character.isDigit(text.charAt(end + 1))))) {
                end++;
            }
            if (end < n && Character.isLetter(text.charAt(end)) && !unitFollows(text, end)) {
                i = end;
                continue;
            }
            numbers++;
            arithmetic += arithmeticFollows(text, end) || percentOf(text, end) ? 1 : 0;
            units += unitFollows(text, end) ? 1 : 0;
            i = end;
        }
        return new NumberScanner.Counts(numbers, arithmetic, units);
    }

    private static boolean partOfWord(char c) {
        return Character.isLetter(c) || c == '_' || c == '.';
    }

    private static boolean arithmeticFollows(String text, int at) {
        int i = skipSpaces(text, at);
        if (i >= text.length() || NumberScanner.OPERATORS.indexOf(text.charAt(i)) < 0) {
            return false;
        }
        char op = text.charAt(i);
        boolean spaced = i > at;
        int j = skipSpaces(text, i + 1);
        if (j >= text.length()) {
            return false;
        }
        char next = text.charAt(j);
        if (op == '-' && !spaced) {
            return false;
        }
        return Character.isDigit(next) || next == '(' || (next == '-' && j + 1 < text.length()
                && Character.isDigit(text.charAt(j + 1)));
    }

    private static boolean percentOf(String text, int at) {
        if (at >= text.length() || text.charAt(at) != '%') {
            return false;
        }
        int i = skipSpaces(text, at + 1);
        if (!text.startsWith("of", i)) {
            return false;
        }
        i = skipSpaces(text, i + 2);
        return i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '$');
    }

    private static boolean unitFollows(String text, int at) {
        int i = at < text.length() && text.charAt(at) == ' ' ? at + 1 : at;
        int end = i;
        while (end < text.length() && end - i < 12 && (Character.isLetter(text.charAt(end))
                || text.charAt(end) == '°' || text.charAt(end) == '/')) {
            end++;
        }
        if (end == i || (end < text.length() && Character.isLetterOrDigit(text.charAt(end)))) {
            return false;
        }
        return NumberScanner.UNITS.contains(text.substring(i, end).toLowerCase(Locale.ROOT));
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
