package dev.arbiter.core.routing.quality;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a prompt that difficulty depends on beyond its words: the "ask" (the last paragraph, where the
 * actual question sits even after pasted context or solved few-shot examples), how many solved examples precede
 * it, and how many answer options it offers. A multiple-choice question with k options can be answered by a
 * guess with probability 1/k, which is the floor of every model's success curve on it (three-parameter IRT with
 * a known guessing rate), so weak models on a two-option question sit near 0.5, not near 0.
 */
record PromptShape(String ask, int shots, int options) {
    /** Fewest word-like tokens an ask should hold; shorter last paragraphs ("Answer:") take in the previous one. */
    static final int MIN_ASK_TOKENS = 12;
    private static final Pattern OPTION = Pattern.compile("^[ \\t]*\\(?([A-Ja-j])[).:：．][ \\t]*\\S", Pattern.MULTILINE);
    private static final Pattern ANSWERED = Pattern.compile("(?im)^[ \\t]*(?:answer|a|output|答案)[ \\t]*[:：][ \\t]*\\n?"
            + "[ \\t]*\\(?[A-Za-z0-9][^\\n]{0,40}$");

    static PromptShape of(String text) {
        String t = text == null ? "" : text.strip();
        String ask = ask(t);
        return new PromptShape(ask, answered(t, t.length() - ask.length(), 16), options(ask));
    }

    /** The guessing floor: 1/k for a question with k ≥ 2 options, 0 otherwise. */
    double guessRate() {
        return options >= 2 ? 1.0 / options : 0;
    }

    private static String ask(String text) {
        int[] starts = new int[64];
        int n = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            int j = skipBlanks(text, i + 1);
            if (j < text.length() && text.charAt(j) == '\n') {
                starts[n % starts.length] = j + 1; // what the paragraph break "\n[ \t]*\n" ends at
                n++;
                i = j;
            }
        }
        for (int i = n - 1; i >= Math.max(0, n - starts.length); i--) {
            String candidate = text.substring(starts[i % starts.length]);
            if (PromptTokens.count(candidate, MIN_ASK_TOKENS) >= MIN_ASK_TOKENS) {
                return candidate;
            }
        }
        return text;
    }

    /** Distinct option letters in consecutive order from A (so a stray "e." line does not count). */
    private static int options(String ask) {
        boolean[] seen = new boolean[10];
        Matcher m = OPTION.matcher(ask);
        while (m.find()) {
            seen[Character.toUpperCase(m.group(1).charAt(0)) - 'A'] = true;
        }
        int k = 0;
        while (k < seen.length && seen[k]) {
            k++;
        }
        return k >= 2 ? k : 0;
    }

    /**
     * Counts, like repeated {@code ANSWERED.matcher(text.substring(0, end)).find()}, up to {@code cap} solved
     * answers in the context before the ask; but runs the pattern only at the start of lines that hold a keyword
     * and a colon, which every match begins with, instead of at every character of a long prompt. The region's end
     * anchors {@code $} as the end of the substring would.
     */
    static int answered(String text, int end, int cap) {
        Matcher m = ANSWERED.matcher(text);
        int n = 0;
        int from = 0;
        int ascii = text.indexOf(':');
        int wide = text.indexOf('：');
        while (n < cap) {
            int c = ascii < 0 ? wide : wide < 0 ? ascii : Math.min(ascii, wide);
            if (c < 0 || c >= end) {
                break;
            }
            int start = answerLineStart(text, c);
            if (start >= from && m.region(start, end).lookingAt()) {
                n++;
                from = m.end();
            }
            if (c == ascii) {
                ascii = text.indexOf(':', c + 1);
            } else {
                wide = text.indexOf('：', c + 1);
            }
        }
        return n;
    }

    /**
     * Where a line {@code [ \t]*keyword[ \t]*} ending at {@code colon} starts, or -1 when it is no such line.
     * May accept a few lines the pattern rejects (case folding here is Unicode's); never rejects one it accepts.
     */
    private static int answerLineStart(String text, int colon) {
        int end = skipBlanksBack(text, colon);
        for (String keyword : ANSWER_KEYWORDS) {
            int k = end - keyword.length();
            if (k >= 0 && text.regionMatches(true, k, keyword, 0, keyword.length())) {
                int line = skipBlanksBack(text, k);
                return line == 0 || isLineTerminator(text.charAt(line - 1)) ? line : -1;
            }
        }
        return -1;
    }

    private static final String[] ANSWER_KEYWORDS = {"answer", "a", "output", "答案"};

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int skipBlanksBack(String text, int to) {
        int i = to;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i;
    }
}
