package dev.arbiter.core.routing.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds {@link TaskLexicon} terms in a text in one pass over its words: terms are indexed by their first word, a
 * phrase must match the following words, a plural falls back to its singular, and "*suffix" terms match word endings.
 * Words are compared as {@link Vocabulary} ids ({@link Words}), so no word of the text is built as a string. Built
 * once; immutable and thread-safe.
 */
final class LexiconIndex {
    /** A term: its words (as vocabulary ids and as text), its group, and {@code id}: its "already counted" flag. */
    private record Term(int id, int[] wordIds, String[] words, int group) {
    }

    /** A word that starts no term and matches no suffix. */
    private static final int NO_TERMS = -1;

    private final Vocabulary vocabulary = new Vocabulary();
    /** Terms by the vocabulary id of their first word; null for words that start none. */
    private final Term[][] byFirstWord;
    /** Each suffix term in an array of its own (what a word ending with it may start) and as characters. */
    private final Term[][] suffixTerms;
    private final char[][] suffixes;
    /** The last characters of the suffixes: a word ending otherwise skips the suffix check. */
    private final boolean[] suffixEnds = new boolean[128];
    private final List<TaskLexicon.Group> groups;
    private final int termCount;

    LexiconIndex(List<TaskLexicon.Group> groups) {
        this.groups = groups;
        List<List<Term>> byFirst = new ArrayList<>();
        List<Term> bySuffix = new ArrayList<>();
        int id = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (String phrase : groups.get(g).termList()) {
                if (phrase.startsWith("*")) {
                    bySuffix.add(new Term(id++, new int[0], new String[] {phrase.substring(1)}, g));
                    continue;
                }
                Term term = term(id++, phrase.split("\\s+"), g);
                while (byFirst.size() < vocabulary.size()) {
                    byFirst.add(new ArrayList<>());
                }
                byFirst.get(term.wordIds()[0]).add(term);
            }
        }
        this.byFirstWord = byFirst.stream().map(l -> l.isEmpty() ? null : l.toArray(Term[]::new))
                .toArray(Term[][]::new);
        this.suffixTerms = bySuffix.stream().map(t -> new Term[] {t}).toArray(Term[][]::new);
        this.suffixes = bySuffix.stream().map(t -> t.words()[0].toCharArray()).toArray(char[][]::new);
        for (char[] suffix : suffixes) {
            suffixEnds[suffix[suffix.length - 1]] = true;
        }
        this.termCount = id;
    }

    private Term term(int id, String[] words, int group) {
        int[] ids = new int[words.length];
        for (int k = 0; k < words.length; k++) {
            ids[k] = vocabulary.add(words[k]);
        }
        return new Term(id, ids, words, group);
    }

    /** Distinct terms found per group (indexed like the groups list); found terms go to {@code trace} if given. */
    int[] hits(Words words, List<String> trace) {
        boolean[] seen = new boolean[termCount];
        int[] hits = new int[groups.size()];
        for (int i = 0; i < words.count(); i++) {
            int key = words.key(i);
            if (key == NO_TERMS) {
                continue;
            }
            Term[] terms = key >= 0 ? byFirstWord[key] : suffixTerms[-2 - key];
            for (Term t : terms) {
                if (!seen[t.id()] && matchesAt(t.wordIds(), words, i)) {
                    seen[t.id()] = true;
                    hits[t.group()]++;
                    if (trace != null) {
                        String found = key >= 0 ? String.join(" ", t.words()) : words.text(i);
                        trace.add(groups.get(t.group()).name() + ":" + found);
                    }
                }
            }
        }
        return hits;
    }

    private static boolean matchesAt(int[] phrase, Words words, int at) {
        if (at + phrase.length > words.count()) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (phrase[k] != words.id(at + k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Which terms the word {@code chars[from, to)} (trimmed; compared through {@link Words#lower}) may start: its
     * vocabulary id ({@code exactId}) when terms start with it, else its singular's (a plural "...s" but not "...ss",
     * longer than three letters), else {@code -2 - k} when it ends with suffix term k and is over two letters longer,
     * else {@link #NO_TERMS}.
     */
    int key(int exactId, char[] chars, int from, int to) {
        if (exactId >= 0 && byFirstWord[exactId] != null) {
            return exactId;
        }
        int length = to - from;
        if (length > 3 && Words.lower(chars[to - 1]) == 's' && Words.lower(chars[to - 2]) != 's') {
            int singular = vocabulary.id(chars, from, to - 1);
            if (singular >= 0 && byFirstWord[singular] != null) {
                return singular;
            }
        }
        char last = Words.lower(chars[to - 1]);
        if (last < 128 && suffixEnds[last]) {
            for (int k = 0; k < suffixes.length; k++) {
                if (length > suffixes[k].length + 2 && endsWith(chars, to, suffixes[k])) {
                    return -2 - k;
                }
            }
        }
        return NO_TERMS;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Compared from the end, where words that merely share the last letter differ. */
    private static boolean endsWith(char[] chars, int to, char[] suffix) {
        int from = to - suffix.length;
        for (int k = suffix.length - 1; k >= 0; k--) {
            if (Words.lower(chars[from + k]) != suffix[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The word of {@code text[start, end)} as the lexicon compares it: lowercase, trailing apostrophes and hyphens
     * dropped ("students'"), typographic apostrophes made plain; c++ and c# stay whole.
     */
    static String word(String text, int start, int end) {
        String w = text.substring(start, end);
        int trimmed = w.length();
        while (trimmed > 1 && (w.charAt(trimmed - 1) == '\'' || w.charAt(trimmed - 1) == '’'
                || w.charAt(trimmed - 1) == '-')) {
            trimmed--;
        }
        return w.substring(0, trimmed).toLowerCase(Locale.ROOT).replace('’', '\'');
    }
}
