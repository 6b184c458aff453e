package dev.arbiter.core.routing.features;

import java.util.Arrays;
import java.util.List;

/**
 * Where a cue's regex may start a match: a cheap necessary condition (a start character, a line start, a short
 * literal shape), so {@link TaskCues.Cue#count} runs the regex only at the few positions that pass it instead of at
 * every character. A filter may let through positions where the regex then fails, never skip one where it would match.
 * Filters read the {@link TextScan} every cue shares (line starts, punctuation positions) rather than the whole text.
 */
@FunctionalInterface
interface MatchStarts {
    /** Every position at which a match may start, ascending (a position may repeat). */
    int[] in(TextScan scan);

    /** Positions where a MULTILINE {@code ^} can match: the text's start and after a line terminator. */
    static MatchStarts lineStarts() {
        return TextScan::lineStarts;
    }

    /**
     * Line starts where, after spaces and tabs (a {@code ^[ \t]*} indent), one of {@code firstChars} follows: the
     * first characters of a regex's alternatives, none of which may be a space or tab.
     */
    static MatchStarts lineStartsBefore(String firstChars) {
        if (firstChars.indexOf(' ') >= 0 || firstChars.indexOf('\t') >= 0) {
            throw new IllegalArgumentException("the indent is skipped whole: no space or tab may follow it");
        }
        return scan -> {
            char[] text = scan.chars;
            Positions out = new Positions();
            for (int line : scan.lineStarts()) {
                int i = line;
                while (i < text.length && (text[i] == ' ' || text[i] == '\t')) {
                    i++;
                }
                if (i < text.length && firstChars.indexOf(text[i]) >= 0) {
                    out.add(line);
                }
            }
            return out.sorted();
        };
    }

    /** Positions holding one of {@code chars}, which must all be {@link TextScan#MARKS}. */
    static MatchStarts chars(String chars) {
        boolean[] table = new boolean[128];
        for (char c : chars.toCharArray()) {
            if (!TextScan.isMark(c)) {
                throw new IllegalArgumentException("start characters must be scanned marks: " + c);
            }
            table[c] = true;
        }
        return scan -> {
            Positions out = new Positions();
            for (int at : scan.marks()) {
                if (table[scan.chars[at]]) {
                    out.add(at);
                }
            }
            return out.sorted();
        };
    }

    /**
     * Positions where one of {@code anywhere} starts, and line starts where, after regex whitespace, one of
     * {@code afterIndent} follows. The latter must not begin with whitespace, so the skip stops where the regex's own
     * indentation ({@code ^\s*} or {@code ^[ \t]*}) would.
     */
    static MatchStarts literals(List<String> anywhere, List<String> afterIndent) {
        for (String literal : afterIndent) {
            if (literal.isEmpty() || isRegexSpace(literal.charAt(0))) {
                throw new IllegalArgumentException("a line literal must start with a non-space: '" + literal + "'");
            }
        }
        return scan -> {
            Positions out = new Positions();
            for (int line : scan.lineStarts()) {
                if (startsWithAny(scan.text, skipSpaces(scan.chars, line), afterIndent)) {
                    out.add(line);
                }
            }
            addOccurrences(scan.text, anywhere, out);
            return out.sorted();
        };
    }

    /** Adds every position where one of {@code literals} starts. */
    static void addOccurrences(String text, List<String> literals, Positions out) {
        for (String literal : literals) {
            for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
                out.add(at);
            }
        }
    }

    /** Whether one of {@code literals} starts at {@code at}. */
    static boolean startsWithAny(String text, int at, List<String> literals) {
        for (String literal : literals) {
            if (text.startsWith(literal, at)) {
                return true;
            }
        }
        return false;
    }

    /** The first index at or after {@code i} that is not regex whitespace. */
    static int skipSpaces(char[] text, int i) {
        while (i < text.length && isRegexSpace(text[i])) {
            i++;
        }
        return i;
    }

    /** Java regex {@code \s} without UNICODE_CHARACTER_CLASS: {@code [ \t\n\x0B\f\r]}. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The characters after which MULTILINE {@code ^} matches (a superset: "\r" before "\n" is let through). */
    static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Java regex {@code \w} without UNICODE_CHARACTER_CLASS: {@code [a-zA-Z_0-9]}. */
    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** A growing list of positions that sorts itself only when they were not added in order. */
    final class Positions {
        private int[] at = new int[16];
        private int size;
        private boolean ordered = true;

        void add(int position) {
            if (size == at.length) {
                at = Arrays.copyOf(at, 2 * size);
            }
            ordered &= size == 0 || at[size - 1] <= position;
            at[size++] = position;
        }

        int[] sorted() {
            int[] out = Arrays.copyOf(at, size);
            if (!ordered) {
                Arrays.sort(out);
            }
            return out;
        }
    }
}
