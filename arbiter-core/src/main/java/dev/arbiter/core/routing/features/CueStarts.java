package dev.arbiter.core.routing.features;

/**
 * Hand-written {@link MatchStarts} for the two cues whose regexes can begin at almost any letter ({@link
 * TaskCues#ALGEBRA}, {@link TaskCues#CODE_CALL}): each checks the literal shape of its branches' beginnings (a word
 * run ending at "(", a letter before "^" or an operator), so the regex confirms only real candidates.
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
        while (k < n && isRegexSpace(text.charAt(k))) {
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

    private static boolean isWord(String text, int from, int to, String word) {
        return to - from == word.length() && text.startsWith(word, from);
    }

    private static boolean isWordOrDot(char c) {
        return MatchStarts.isWordChar(c) || c == '.';
    }

    /** Java regex {@code \s} without UNICODE_CHARACTER_CLASS: {@code [ \t\n\x0B\f\r]}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
