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
    private static final Pattern PARAGRAPH = Pattern.compile("\\n[ \\t]*\\n");
    private static final Pattern OPTION = Pattern.compile("^[ \\t]*\\(?([A-Ja-j])[).:：．][ \\t]*\\S", Pattern.MULTILINE);
    private static final Pattern ANSWERED = Pattern.compile("(?im)^[ \\t]*(?:answer|a|output|答案)[ \\t]*[:：][ \\t]*\\n?"
            + "[ \\t]*\\(?[A-Za-z0-9][^\\n]{0,40}$");

    static PromptShape of(String text) {
        String t = text == null ? "" : text.strip();
        String ask = ask(t);
        String context = t.substring(0, t.length() - ask.length());
        return new PromptShape(ask, count(ANSWERED, context, 16), options(ask));
    }

    /** The guessing floor: 1/k for a question with k ≥ 2 options, 0 otherwise. */
    double guessRate() {
        return options >= 2 ? 1.0 / options : 0;
    }

    private static String ask(String text) {
        Matcher m = PARAGRAPH.matcher(text);
        int[] starts = new int[64];
        int n = 0;
        while (m.find()) {
            starts[n % starts.length] = m.end();
            n++;
        }
        for (int i = n - 1; i >= Math.max(0, n - starts.length); i--) {
            String candidate = text.substring(starts[i % starts.length]);
            if (PromptTokens.of(candidate, MIN_ASK_TOKENS).size() >= MIN_ASK_TOKENS) {
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

    private static int count(Pattern p, String text, int cap) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (n < cap && m.find()) {
            n++;
        }
        return n;
    }
}
