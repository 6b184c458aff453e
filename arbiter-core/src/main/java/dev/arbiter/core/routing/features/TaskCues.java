package dev.arbiter.core.routing.features;

import dev.arbiter.core.routing.TaskType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task classifier's structural evidence and fixed weights: regex cues over the prompt's shape (code lines, stack
 * traces, LaTeX, answer options), the weights of request facts (tools, images, JSON mode, size) and of the number
 * scan ({@link NumberScanner}). Weights are log-odds, like {@link TaskLexicon}'s.
 */
final class TaskCues {
    /**
     * A regex whose matches point at one task type; each match adds {@code weight}, up to {@code cap} matches. The
     * regex runs only at the positions {@code starts} lets through (a necessary condition for a match to start there),
     * and only when the text contains one of the {@code hints} (plain substrings), which keeps rare cues cheap; the
     * hints are checked once there is a candidate, since without one the count is 0 either way.
     */
    record Cue(String name, TaskType type, double weight, int cap, Hints hints, MatchStarts starts,
               Pattern pattern) {
        static Cue of(String name, TaskType type, double weight, int cap, List<String> hints, MatchStarts starts,
                String regex) {
            return new Cue(name, type, weight, cap, new Hints(hints), starts, Pattern.compile(regex,
                    Pattern.MULTILINE));
        }

        boolean mayMatch(String text) {
            return hints.in(text);
        }

        /** Matches in {@code text} counted up to the cap (see {@link #count(TextScan)}). */
        int count(String text) {
            return count(new TextScan(text));
        }

        /**
         * Matches counted up to the cap, exactly as repeated {@link Matcher#find()} would count them: the regex is
         * tried with {@link Matcher#lookingAt()} at each candidate start in turn, the search resuming after each match;
         * transparent, non-anchoring bounds let lookarounds, {@code \b} and {@code ^} see the text before the
         * candidate. Skipping the positions no match can start at is what saves the time.
         */
        int count(TextScan scan) {
            Matcher m = null;
            int n = 0;
            int from = 0;
            for (int at : starts.in(scan)) {
                if (n >= cap) {
                    break;
                }
                if (at < from) {
                    continue;
                }
                if (m == null) { // the hints are checked only once there is a candidate: without one the count is 0
                    if (!hints.in(scan)) {
                        return 0;
                    }
                    m = pattern.matcher(scan.text).useTransparentBounds(true).useAnchoringBounds(false);
                }
                m.region(at, scan.length());
                if (m.lookingAt()) {
                    n++;
                    from = Math.max(m.end(), at + 1);
                } else {
                    from = at + 1;
                }
            }
            return n;
        }
    }

    /**
     * A cue's hints: plain substrings, at least one of which must occur. Hints that begin with a {@link TextScan#MARKS}
     * character are looked for only at the scan's recorded marks; the others with {@link String#contains}.
     */
    static final class Hints {
        private final List<String> all;
        private final List<String> others;
        private final boolean[] markFirst = new boolean[128];

        Hints(List<String> hints) {
            this.all = List.copyOf(hints);
            this.others = hints.stream().filter(h -> !TextScan.isMark(h.charAt(0))).toList();
            for (String hint : hints) {
                if (TextScan.isMark(hint.charAt(0))) {
                    markFirst[hint.charAt(0)] = true;
                }
            }
        }

        boolean in(String text) {
            return all.isEmpty() || all.stream().anyMatch(text::contains);
        }

        boolean in(TextScan scan) {
            if (all.isEmpty()) {
                return true;
            }
            for (String hint : others) {
                if (scan.text.contains(hint)) {
                    return true;
                }
            }
            for (int at : scan.marks()) {
                if (markFirst[scan.chars[at]] && MatchStarts.startsWithAny(scan.text, at, all)) {
                    return true;
                }
            }
            return false;
        }
    }

    private TaskCues() {
    }

    static final Cue CODE_FENCE = Cue.of("code-fence", TaskType.CODING, 3.0, 1, List.of("```"),
            MatchStarts.literals(List.of(), List.of("```")), "^\\s*```");
    static final Cue CODE_LINE = Cue.of("code-line", TaskType.CODING, 0.9, 5, List.of(),
            MatchStarts.lineStartsBefore("dcif#plvrw}SC@"),
            "^[ \\t]*(?:def |class |import |from \\S+ import |#include|package |public |private |protected |"
                    + "function |const |let |var |func |fn |return |if ?\\(|for ?\\(|while ?\\(|\\}|SELECT |"
                    + "CREATE TABLE|@Override|console\\.log|print\\()");
    static final Cue CODE_SYMBOLS = Cue.of("code-symbols", TaskType.CODING, 0.5, 4,
            List.of("=>", "->", "::", "==", "&&", "||", ";\n", "){", ") {", "):"), MatchStarts.chars("=-:!&|;)"),
            "=>|->\\s*\\w|::|!==|===|&&|\\|\\||;\\s*$|\\)\\s*(?:\\{|:)\\s*$");
    static final Cue DOC_TEST = Cue.of("doc-test", TaskType.CODING, 1.5, 2,
            List.of(">>>", "assert", "\"\"\"", "'''", "/*"),
            MatchStarts.literals(List.of("assert", "\"\"\"", "'''", "/*"), List.of(">>> ")),
            "^\\s*>>> |\\bassert\\s+\\w+\\(|\"\"\"|'''|/\\*");
    static final Cue STACK_TRACE = Cue.of("stack-trace", TaskType.CODING, 3.0, 1,
            List.of("Traceback", "Error", "Exception", "at ", "panic:", "Segmentation", "File \""),
            CueStarts::stackTrace,
            "Traceback \\(most recent call last\\)|^\\s+at [\\w.$<>]+\\([\\w.]+:\\d+\\)|Exception in thread"
                    + "|^\\w+(?:Error|Exception): |File \"[^\"]+\", line \\d+|^panic: |Segmentation fault");
    static final Cue CODE_CALL = Cue.of("code-call", TaskType.CODING, 0.8, 3, List.of("("), CueStarts::codeCall,
            "\\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*|_[a-z0-9]+)+\\(|\\b\\w+\\(\\[|\\bdef \\w+\\(|\\bfunction \\w+\\(");
    static final Cue LATEX = Cue.of("latex", TaskType.MATH, 1.2, 3, List.of("\\", "$", "[asy]"),
            MatchStarts.chars("\\$["),
            "\\\\(?:frac|dfrac|sqrt|sum|int|cdot|times|leq?|geq?|neq|pi|theta|alpha|beta|binom|left|right|begin"
                    + "|infty|lim|log|sin|cos|tan|mathbf|mathrm|text|circ|angle|triangle)\\b"
                    + "|\\$[^$\\n]{1,80}\\$|\\[asy\\]");
    static final Cue ALGEBRA = Cue.of("algebra", TaskType.MATH, 0.8, 2, List.of("^", "(", "="), CueStarts::algebra,
            "\\b[a-z]\\^\\d|\\b[fgh]\\([a-z0-9]\\)|(?<![\\w.])\\d*[a-z]\\s*[-+=]\\s*\\d+(?![\\w.])");
    static final Cue MULTIPLE_CHOICE = Cue.of("multiple-choice", TaskType.SCIENCE, 0.0, 2, List.of(),
            CueStarts::multipleChoice,
            "^\\s*\\(?[A-D][).:：．]\\s*\\S");

    static final List<Cue> CUES = List.of(CODE_FENCE, CODE_LINE, CODE_SYMBOLS, DOC_TEST, STACK_TRACE, CODE_CALL, LATEX,
            ALGEBRA, MULTIPLE_CHOICE);

    /** Per number (capped), per arithmetic step, per measurement with a unit (see {@link NumberScanner}). */
    static final double NUMBER = 0.35;
    static final int NUMBER_CAP = 6;
    static final double ARITHMETIC = 0.8;
    static final int ARITHMETIC_CAP = 3;
    static final double UNIT = 0.6;
    static final int UNIT_CAP = 3;
    /** A quantity question ("how many ...") asked about a text that holds quantities: a word problem. */
    static final double WORD_PROBLEM = 1.0;
    /**
     * Text shaped like code (structural coding cues summing to at least the threshold) is a coding request whatever
     * its vocabulary says: "return the greatest common divisor" inside a function stub is programming, not algebra.
     */
    static final double CODE_SHAPED = 1.5;
    static final double CODE_SHAPED_MIN = 2.5;
    /** A multiple-choice question with distinctive science terms (or exam phrasing) is a science exam question. */
    static final double MULTIPLE_CHOICE_SCIENCE = 1.0;
    /** Prior score of plain chat: other tasks must collect at least this much evidence to win. */
    static final double CHAT_PRIOR = 1.0;
    /** Words of text at which vocabulary counts in full; longer texts scale it by sqrt(REFERENCE_WORDS / words). */
    static final int REFERENCE_WORDS = 80;
    static final double TOOLS_DEFINED = 4.0;
    static final double TOOL_TURNS = 2.5;
    static final double IMAGES = 5.0;
    static final double JSON_MODE = 4.0;
    /** LONG_CONTEXT rises linearly from 0 at the first token count to its full weight at the second. */
    static final int LONG_CONTEXT_FROM = 8_000;
    static final int LONG_CONTEXT_FULL = 32_000;
    static final double LONG_CONTEXT = 6.0;
}
