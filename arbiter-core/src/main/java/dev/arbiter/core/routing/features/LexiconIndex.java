package dev.arbiter.core.routing.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds {@link TaskLexicon} terms in a text in one pass over its words: terms are indexed by their first word, a
 * phrase must match the following words, a plural falls back to its singular, and "*suffix" terms match word endings.
 * Built once; immutable and thread-safe.
 */
final class LexiconIndex {
    /** A term: its words and its group; {@code id} indexes the per-call "already counted" flags. */
    private record Term(int id, String[] words, int group) {
    }

    private final Map<String, List<Term>> byFirstWord = new HashMap<>();
    private final List<Term> suffixes = new ArrayList<>();
    private final List<TaskLexicon.Group> groups;
    private final int termCount;

    LexiconIndex(List<TaskLexicon.Group> groups) {
        this.groups = groups;
        int id = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (String phrase : groups.get(g).termList()) {
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

    /** Distinct terms found per group (indexed like the groups list); found terms go to {@code trace} if given. */
    int[] hits(List<String> words, List<String> trace) {
        boolean[] seen = new boolean[termCount];
        int[] hits = new int[groups.size()];
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
                        trace.add(groups.get(t.group()).name() + ":" + String.join(" ", t.words()));
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
        List<String> words = new ArrayList<>(text.length() / 5 + 1);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean inWord = Character.isLetterOrDigit(c)
                    || (start >= 0 && (c == '\'' || c == '’' || c == '+' || c == '#' || c == '-'));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(trimTrailing(text.substring(start, i)).toLowerCase(Locale.ROOT).replace('’', '\''));
                start = -1;
            }
        }
        return words;
    }

    /** Drops trailing apostrophes and hyphens ("students'"), keeping c++ and c#. */
    private static String trimTrailing(String w) {
        int end = w.length();
        while (end > 1 && (w.charAt(end - 1) == '\'' || w.charAt(end - 1) == '’' || w.charAt(end - 1) == '-')) {
            end--;
        }
        return w.substring(0, end);
    }
}
