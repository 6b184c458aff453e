package dev.arbiter.core.routing.features;

import java.util.List;

/**
 * Hand-written {@link MatchStarts} for the cues whose regexes could begin at almost any letter or line ({@link
 * TaskCues#ALGEBRA}, {@link TaskCues#CODE_CALL}, {@link TaskCues#STACK_TRACE}, {@link TaskCues#MULTIPLE_CHOICE}):
 * each checks the literal shape its branches begin with (a word run ending at "(", a letter before "^" or an
 * operator, an indented "at "), so the regex confirms only real candidates.
 */
final class CueStarts {
    private CueStarts() {
    }

    /**
     * Starts of {@code \b[a-z]\^\d | \b[fgh]\([a-z0-9]\) | (?<![\w.])\d*[a-z]\s*[-+=]\s*\d+(?![\w.])}: a letter before
     * "^", one of f/g/h before "(", or (not after a word character or ".") digits, a letter, spaces and an operator.
     */
    static int algebra(String text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            boolean lower = c >= 'a' && c <= 'z';
            if (!lower && !(c >= '0' && c <= '9')) {
                continue;
            }
            if (lower && i + 1 < n) {
                char next = text.charAt(i + 1);
                if (next == '^' || (next == '(' && c >= 'f' && c <= 'h')) {
                    return i;
                }
            }
            if ((i == 0 || !isWordOrDot(text.charAt(i - 1))) && operatorAfterTerm(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code \d*[a-z]\s*[-+=]} matches at {@code i} (the split is forced: no backtracking can change it). */
    private static boolean operatorAfterTerm(String text, int i) {
        int n = text.length();
        int j = i;
        while (j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
            j++;
        }
        if (j >= n || text.charAt(j) < 'a' || text.charAt(j) > 'z') {
            return false;
        }
        int k = j + 1;
        while (k < n && MatchStarts.isRegexSpace(text.charAt(k))) {
            k++;
        }
        return k < n && (text.charAt(k) == '-' || text.charAt(k) == '+' || text.charAt(k) == '=');
    }

    /**
     * Starts of {@code \b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*|_[a-z0-9]+)+\( | \b\w+\(\[ | \bdef \w+\( | \bfunction \w+\(}:
     * every branch is a run of word characters starting at a word boundary and ending at "(" (or "def"/"function"
     * and a space), so only such runs are candidates.
     */
    static int codeCall(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n) {
            if (!MatchStarts.isWordChar(text.charAt(i)) || (i > 0 && MatchStarts.isWordChar(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && MatchStarts.isWordChar(text.charAt(end))) {
                end++;
            }
            boolean keyword = isWord(text, i, end, "def") || isWord(text, i, end, "function");
            if (end < n && (text.charAt(end) == '(' || (text.charAt(end) == ' ' && keyword))) {
                return i;
            }
            i = end;
        }
        return -1;
    }

    private static final List<String> TRACE_LITERALS = List.of("Traceback (most recent call last)",
            "Exception in thread", "File \"", "Segmentation fault");
    private static final List<String> TRACE_LINE_LITERALS = List.of("at ", "panic: ");

    /**
     * Starts of {@link TaskCues#STACK_TRACE}'s branches: its literals ("Traceback (most recent call last)", "File \""
     * ...), line starts followed (after whitespace) by "at " or "panic: ", and line starts whose first word is
     * followed by ":" (the {@code ^\w+(?:Error|Exception): } branch).
     */
    static int stackTrace(String text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if ((c == 'T' || c == 'E' || c == 'F' || c == 'S') && MatchStarts.startsWithAny(text, i, TRACE_LITERALS)) {
                return i;
            }
            if (i == 0 || MatchStarts.isLineTerminator(text.charAt(i - 1))) {
                if (MatchStarts.startsWithAny(text, MatchStarts.skipSpaces(text, i), TRACE_LINE_LITERALS)) {
                    return i;
                }
                int end = i;
                while (end < n && MatchStarts.isWordChar(text.charAt(end))) {
                    end++;
                }
                if (end > i && end < n && text.charAt(end) == ':') {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Starts of {@link TaskCues#MULTIPLE_CHOICE} ({@code ^\s*\(?[A-D][).:：．]}): line starts followed, after
     * whitespace and an optional "(", by a letter A to D and its punctuation. The whitespace run is skipped whole, as
     * the regex must: "(" and A-D are not whitespace.
     */
    static int multipleChoice(String text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            if (i > 0 && !MatchStarts.isLineTerminator(text.charAt(i - 1))) {
                continue;
            }
            int j = MatchStarts.skipSpaces(text, i);
            if (j < n && text.charAt(j) == '(') {
                j++;
            }
            boolean letter = j + 1 < n && text.charAt(j) >= 'A' && text.charAt(j) <= 'D';
            if (letter && ").:：．".indexOf(text.charAt(j + 1)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWord(String text, int from, int to, String word) {
        return to - from == word.length() && text.startsWith(word, from);
    }

    private static boolean isWordOrDot(char c) {
        return MatchStarts.isWordChar(c) || c == '.';
    }

}
