package dev.arbiter.core.routing.features;

import java.util.List;

/**
 * Where a cue's regex may start a match: a cheap necessary condition (a start character, a line start, a short
 * literal shape), so {@link TaskCues.Cue#count} runs the regex only at the few positions that pass it instead of at
 * every character. A filter may let through positions where the regex then fails, never skip one where it would match.
 */
@FunctionalInterface
interface MatchStarts {
    /** The first index {@code >= from} at which a match may start, or -1 when no match can start there or later. */
    int next(String text, int from);

    /** Positions where a MULTILINE {@code ^} can match: the text's start and after a line terminator. */
    static MatchStarts lineStarts() {
        return (text, from) -> {
            for (int i = from; i < text.length(); i++) {
                if (i == 0 || isLineTerminator(text.charAt(i - 1))) {
                    return i;
                }
            }
            return -1;
        };
    }

    /** Positions holding one of {@code chars} (ASCII only). */
    static MatchStarts chars(String chars) {
        boolean[] table = asciiTable(chars);
        return (text, from) -> {
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 128 && table[c]) {
                    return i;
                }
            }
            return -1;
        };
    }

    private static boolean[] asciiTable(String chars) {
        boolean[] table = new boolean[128];
        for (char c : chars.toCharArray()) {
            if (c >= 128) {
                throw new IllegalArgumentException("start characters must be ASCII: " + c);
            }
            table[c] = true;
        }
        return table;
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
        boolean[] first = asciiTable(anywhere.stream().map(l -> l.substring(0, 1)).reduce("", String::concat));
        return (text, from) -> {
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 128 && first[c] && startsWithAny(text, i, anywhere)) {
                    return i;
                }
                if ((i == 0 || isLineTerminator(text.charAt(i - 1))) && startsWithAny(text, skipSpaces(text, i),
                        afterIndent)) {
                    return i;
                }
            }
            return -1;
        };
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
    static int skipSpaces(String text, int i) {
        while (i < text.length() && isRegexSpace(text.charAt(i))) {
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
}
