package dev.arbiter.core.routing.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a prompt into the word-like tokens the difficulty features hash: lower-cased letter runs, digit runs
 * reduced to their length class (so "17" and "42" are one feature), each CJK character on its own (bigrams then
 * give words), newlines, and each other symbol. Stops after {@code maxTokens}, which bounds the cost.
 */
final class PromptTokens {
    private PromptTokens() {
    }

    static List<String> of(String text, int maxTokens) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n && tokens.size() < maxTokens) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isCjk(cp)) {
                tokens.add(new String(Character.toChars(cp)));
                i = next;
            } else if (Character.isLetter(cp)) {
                int end = runEnd(text, next, true);
                tokens.add(text.substring(i, end).toLowerCase(Locale.ROOT));
                i = end;
            } else if (Character.isDigit(cp)) {
                int end = runEnd(text, next, false);
                tokens.add(end - i == 1 ? "<d1>" : end - i <= 3 ? "<d3>" : "<d+>");
                i = end;
            } else {
                if (cp == '\n') {
                    tokens.add("<nl>");
                } else if (!Character.isWhitespace(cp)) {
                    tokens.add(new String(Character.toChars(cp)));
                }
                i = next;
            }
        }
        return tokens;
    }

    private static int runEnd(String text, int from, boolean letters) {
        int i = from;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            boolean same = letters ? Character.isLetter(cp) && !isCjk(cp) : Character.isDigit(cp);
            if (!same) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
