package dev.arbiter.core.routing.features;

import java.util.List;

/**
 * Hand-written {@link MatchStarts} for the cues whose regexes could begin at almost any letter or line ({@link
 * TaskCues#ALGEBRA}, {@link TaskCues#CODE_CALL}, {@link TaskCues#STACK_TRACE}, {@link TaskCues#MULTIPLE_CHOICE}):
 * each derives the literal shape its branches begin with (a word run ending at "(", a letter before "^" or an
 * operator, an indented "at ") from the scan's punctuation and line starts, so the regex confirms only real
 * candidates.
 */
final class CueStarts {
    private CueStarts() {
    }

    /**
     * Starts of {@code \b[a-z]\^\d | \b[fgh]\([a-z0-9]\) | (?<![\w.])\d*[a-z]\s*[-+=]\s*\d+(?![\w.])}: a letter before
     * "^", one of f/g/h before "(", or (not after a word character or ".") digits, a letter, spaces and an operator.
     * The last shape is found from its operator backwards: the split of {@code \d*[a-z]\s*} is forced.
     */
    static int[] algebra(TextScan scan) {
        char[] text = scan.chars;
        MatchStarts.Positions out = new MatchStarts.Positions();
        for (int at : scan.marks()) {
            char c = text[at];
            if (c == '^' || c == '(') {
                char before = at > 0 ? text[at - 1] : 0;
                if (c == '^' ? isLower(before) : before >= 'f' && before <= 'h') {
                    out.add(at - 1);
                }
            } else if (c == '-' || c == '+' || c == '=') {
                int start = termBefore(text, at);
                if (start >= 0) {
                    out.add(start);
                }
            }
        }
        return out.sorted();
    }

    /**
     * Where {@code \d*[a-z]\s*} ending just before the operator at {@code op} starts, when no word character or "."
     * precedes it; else -1.
     */
    private static int termBefore(char[] text, int op) {
        int letter = op - 1;
        while (letter >= 0 && MatchStarts.isRegexSpace(text[letter])) {
            letter--;
        }
        if (letter < 0 || !isLower(text[letter])) {
            return -1;
        }
        int start = letter;
        while (start > 0 && text[start - 1] >= '0' && text[start - 1] <= '9') {
            start--;
        }
        return start == 0 || !isWordOrDot(text[start - 1]) ? start : -1;
    }

    /**
     * Starts of {@code \b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*|_[a-z0-9]+)+\( | \b\w+\(\[ | \bdef \w+\( | \bfunction \w+\(}:
     * every branch is a run of word characters starting at a word boundary and ending at "(" (or "def"/"function"
     * and a space), so only such runs are candidates.
     */
    static int[] codeCall(TextScan scan) {
        char[] text = scan.chars;
        MatchStarts.Positions out = new MatchStarts.Positions();
        for (int at : scan.marks()) {
            if (text[at] == '(') {
                int start = at;
                while (start > 0 && MatchStarts.isWordChar(text[start - 1])) {
                    start--;
                }
                if (start < at) {
                    out.add(start);
                }
            }
        }
        for (String keyword : KEYWORDS) {
            for (int at = scan.text.indexOf(keyword); at >= 0; at = scan.text.indexOf(keyword, at + 1)) {
                if (at == 0 || !MatchStarts.isWordChar(text[at - 1])) {
                    out.add(at);
                }
            }
        }
        return out.sorted();
    }

    private static final List<String> KEYWORDS = List.of("def ", "function ");
    private static final List<String> TRACE_LITERALS = List.of("Traceback (most recent call last)",
            "Exception in thread", "File \"", "Segmentation fault");
    private static final List<String> TRACE_LINE_LITERALS = List.of("at ", "panic: ");

    /**
     * Starts of {@link TaskCues#STACK_TRACE}'s branches: its literals ("Traceback (most recent call last)", "File \""
     * ...), line starts followed (after whitespace) by "at " or "panic: ", and line starts whose first word is
     * followed by ":" (the {@code ^\w+(?:Error|Exception): } branch).
     */
    static int[] stackTrace(TextScan scan) {
        char[] text = scan.chars;
        MatchStarts.Positions out = new MatchStarts.Positions();
        for (int line : scan.lineStarts()) {
            if (MatchStarts.startsWithAny(scan.text, MatchStarts.skipSpaces(text, line), TRACE_LINE_LITERALS)) {
                out.add(line);
                continue;
            }
            int end = line;
            while (end < text.length && MatchStarts.isWordChar(text[end])) {
                end++;
            }
            if (end > line && end < text.length && text[end] == ':') {
                out.add(line);
            }
        }
        MatchStarts.addOccurrences(scan.text, TRACE_LITERALS, out);
        return out.sorted();
    }

    /**
     * Starts of {@link TaskCues#MULTIPLE_CHOICE} ({@code ^\s*\(?[A-D][).:：．]}): line starts followed, after
     * whitespace and an optional "(", by a letter A to D and its punctuation. The whitespace run is skipped whole, as
     * the regex must: "(" and A-D are not whitespace.
     */
    static int[] multipleChoice(TextScan scan) {
        char[] text = scan.chars;
        int n = text.length;
        MatchStarts.Positions out = new MatchStarts.Positions();
        for (int line : scan.lineStarts()) {
            int j = MatchStarts.skipSpaces(text, line);
            if (j < n && text[j] == '(') {
                j++;
            }
            boolean letter = j + 1 < n && text[j] >= 'A' && text[j] <= 'D';
            if (letter && ").:：．".indexOf(text[j + 1]) >= 0) {
                out.add(line);
            }
        }
        return out.sorted();
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isWordOrDot(char c) {
        return MatchStarts.isWordChar(c) || c == '.';
    }
}
