package dev.arbiter.core.routing.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a prompt into the word-like tokens the difficulty features hash: lower-cased letter runs, digit runs
 * reduced to their length class (so "17" and "42" are one feature), each CJK character on its own (bigrams then
 * give words), newlines, and each other symbol. Stops after {@code maxTokens}, which bounds the cost.
 * {@link #hashes} gives each token's {@code String.hashCode} without building the strings (the hot path);
 * {@link #of} builds them (tests and reading).
 */
final class PromptTokens {
    private static final String[] DIGITS = {"<d1>", "<d3>", "<d+>"};
    private static final String NEWLINE = "<nl>";
    private static final int NEWLINE_HASH = NEWLINE.hashCode();
    private static final int[] DIGIT_HASH = {DIGITS[0].hashCode(), DIGITS[1].hashCode(), DIGITS[2].hashCode()};

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
                tokens.add(DIGITS[digitClass(end - i)]);
                i = end;
            } else {
                if (cp == '\n') {
                    tokens.add(NEWLINE);
                } else if (!Character.isWhitespace(cp)) {
                    tokens.add(new String(Character.toChars(cp)));
                }
                i = next;
            }
        }
        return tokens;
    }

    /**
     * Writes the {@code String.hashCode} of each of the first {@code out.length} tokens of {@link #of} into
     * {@code out} and returns how many there are; builds no strings for ASCII words.
     */
    static int hashes(String text, int[] out) {
        int count = 0;
        int i = 0;
        int n = text.length();
        while (i < n && count < out.length) {
            char c = text.charAt(i);
            if (c < 128 && (ASCII[c] & LETTER) != 0) {
                i = asciiWord(text, i, out, count++);
                continue;
            }
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isCjk(cp)) {
                out[count++] = symbolHash(cp);
                i = next;
            } else if (isLetter(cp)) {
                int end = runEnd(text, next, true);
                out[count++] = lowerHash(text, i, end);
                i = end;
            } else if (isDigit(cp)) {
                int end = runEnd(text, next, false);
                out[count++] = DIGIT_HASH[digitClass(end - i)];
                i = end;
            } else {
                if (cp == '\n') {
                    out[count++] = NEWLINE_HASH;
                } else if (!isWhitespace(cp)) {
                    out[count++] = symbolHash(cp);
                }
                i = next;
            }
        }
        return count;
    }

    /**
     * Hashes the letter run starting with the ASCII letter at {@code from} into {@code out[at]} and returns its end;
     * scans and hashes in one pass while the run is ASCII (the common case), else falls back to the general path.
     */
    private static int asciiWord(String text, int from, int[] out, int at) {
        int h = 0;
        int i = from;
        int n = text.length();
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                int end = runEnd(text, i, true);
                out[at] = lowerHash(text, from, end);
                return end;
            }
            byte kind = ASCII[c];
            if ((kind & LETTER) == 0) {
                break;
            }
            h = 31 * h + ((kind & UPPER) != 0 ? c + 32 : c);
        }
        out[at] = h;
        return i;
    }

    /** How many tokens {@link #of} would give, counting at most {@code max}. */
    static int count(String text, int max) {
        return hashes(text, new int[max]);
    }

    /** {@code text.substring(from, to).toLowerCase(Locale.ROOT).hashCode()}, without the strings when ASCII. */
    private static int lowerHash(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return text.substring(from, to).toLowerCase(Locale.ROOT).hashCode();
            }
            h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return h;
    }

    /** {@code new String(Character.toChars(cp)).hashCode()}. */
    private static int symbolHash(int cp) {
        return Character.isBmpCodePoint(cp) ? cp
                : 31 * Character.highSurrogate(cp) + Character.lowSurrogate(cp);
    }

    private static int digitClass(int length) {
        return length == 1 ? 0 : length <= 3 ? 1 : 2;
    }

    private static int runEnd(String text, int from, boolean letters) {
        int i = from;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            boolean same = letters ? isLetter(cp) && !isCjk(cp) : isDigit(cp);
            if (!same) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    // ASCII fast paths: the same answers as Character's methods, from a table built with them.
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte SPACE = 4;
    private static final byte UPPER = 8;
    private static final byte[] ASCII = asciiTable();

    private static byte[] asciiTable() {
        byte[] t = new byte[128];
        for (int c = 0; c < 128; c++) {
            t[c] = (byte) ((Character.isLetter(c) ? LETTER : 0) | (Character.isDigit(c) ? DIGIT : 0)
                    | (Character.isWhitespace(c) ? SPACE : 0) | (Character.isUpperCase(c) ? UPPER : 0));
        }
        return t;
    }

    static boolean isLetter(int cp) {
        return cp < 128 ? (ASCII[cp] & LETTER) != 0 : Character.isLetter(cp);
    }

    static boolean isDigit(int cp) {
        return cp < 128 ? (ASCII[cp] & DIGIT) != 0 : Character.isDigit(cp);
    }

    static boolean isWhitespace(int cp) {
        return cp < 128 ? (ASCII[cp] & SPACE) != 0 : Character.isWhitespace(cp);
    }

    static boolean isUpperCase(int cp) {
        return cp < 128 ? (ASCII[cp] & UPPER) != 0 : Character.isUpperCase(cp);
    }

    /** Han, Hiragana, Katakana or Hangul; none of them has a code point below U+1100 (Hangul Jamo). */
    static boolean isCjk(int cp) {
        if (cp < 0x1100) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
