package dev.arbiter.core.routing.features;

/**
 * A one-pass, allocation-free stand-in for o200k_base's pre-tokenisation: splits text into the pieces the tokenizer's
 * regex would (letter runs split at lower→upper case changes, with one leading space or symbol attached; digit runs
 * of up to three; symbol runs; newline and indentation runs) and weighs each by the tokens such a piece usually
 * takes. The weights need only be proportional to tokens across kinds of text: {@link TokenEstimator} calibrates
 * them on exactly counted samples of the same text.
 */
final class PieceWeights {
    /** Latin words up to this length are usually one token; longer ones take about one more per four letters. */
    private static final int SHORT_WORD = 8;

    /** Character classes of ASCII, computed from the same {@link Character} predicates the slow path calls. */
    private static final int WHITESPACE = 1;
    private static final int LETTER = 2;
    private static final int DIGIT = 4;
    private static final int SYMBOL = 8;
    private static final int UPPER = 16;
    private static final int LOWER = 32;
    private static final byte[] ASCII = asciiClasses();

    private PieceWeights() {
    }

    private static byte[] asciiClasses() {
        byte[] classes = new byte[128];
        for (char c = 0; c < 128; c++) {
            classes[c] = (byte) ((Character.isWhitespace(c) ? WHITESPACE : 0)
                    | (Character.isLetter(c) || Character.isSurrogate(c) ? LETTER : 0)
                    | (Character.isDigit(c) ? DIGIT : 0) | (isSymbolSlow(c) ? SYMBOL : 0)
                    | (Character.isUpperCase(c) ? UPPER : 0) | (Character.isLowerCase(c) ? LOWER : 0));
        }
        return classes;
    }

    /** The summed piece weight of {@code text[from, to)}. */
    static double of(String text, int from, int to) {
        double weight = 0;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            int end;
            if (isWhitespace(c)) {
                end = whitespaceEnd(text, i, to);
                weight += whitespace(text, i, end, to);
            } else if (isLetterOrSurrogate(c)) {
                end = letterEnd(text, i, to);
                weight += letters(c, end - i);
            } else if (isDigit(c)) {
                end = i;
                while (end < to && isDigit(text.charAt(end))) {
                    end++;
                }
                weight += (end - i + 2) / 3;
            } else {
                end = i;
                while (end < to && isSymbol(text.charAt(end))) {
                    end++;
                }
                // One symbol right before a word joins it (".get", "(x"), as in the tokenizer's first alternative.
                int run = end - i - (end < to && isLetter(text.charAt(end)) ? 1 : 0);
                weight += run <= 0 ? 0 : 1 + (run - 1) * 0.35;
            }
            i = end;
        }
        return weight;
    }

    private static boolean isSymbol(char c) {
        return c < 128 ? (ASCII[c] & SYMBOL) != 0 : isSymbolSlow(c);
    }

    private static boolean isSymbolSlow(char c) {
        return !Character.isWhitespace(c) && !Character.isLetterOrDigit(c) && !Character.isSurrogate(c);
    }

    private static boolean isWhitespace(char c) {
        return c < 128 ? (ASCII[c] & WHITESPACE) != 0 : Character.isWhitespace(c);
    }

    private static boolean isLetterOrSurrogate(char c) {
        return c < 128 ? (ASCII[c] & LETTER) != 0 : Character.isLetter(c) || Character.isSurrogate(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? (ASCII[c] & LETTER) != 0 : Character.isLetter(c);
    }

    private static boolean isDigit(char c) {
        return c < 128 ? (ASCII[c] & DIGIT) != 0 : Character.isDigit(c);
    }

    private static int whitespaceEnd(String text, int i, int to) {
        while (i < to && isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A single space before a word or symbol joins it; newlines take one piece, indentation another. */
    private static double whitespace(String text, int from, int end, int to) {
        if (end - from == 1 && text.charAt(from) == ' ' && end < to) {
            return 0;
        }
        int lastNewline = -1;
        for (int k = from; k < end; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r') {
                lastNewline = k;
            }
        }
        double w = lastNewline >= 0 ? 1 : 0;
        int indent = end - (lastNewline >= 0 ? lastNewline + 1 : from);
        return w + (indent > 1 ? 1 : 0);
    }

    /** A letter run, ending where a lower-case letter is followed by an upper-case one ("camel|Case"). */
    private static int letterEnd(String text, int i, int to) {
        int end = i + 1;
        while (end < to) {
            char c = text.charAt(end);
            if (c < 128) {
                if ((ASCII[c] & LETTER) == 0 || ((ASCII[c] & UPPER) != 0 && isLower(text.charAt(end - 1)))) {
                    break;
                }
            } else if (!(Character.isLetter(c) || Character.isSurrogate(c)
                    || Character.getType(c) == Character.NON_SPACING_MARK)
                    || (Character.isUpperCase(c) && isLower(text.charAt(end - 1)))) {
                break;
            }
            end++;
        }
        return end;
    }

    private static boolean isLower(char c) {
        return c < 128 ? (ASCII[c] & LOWER) != 0 : Character.isLowerCase(c);
    }

    private static double letters(char first, int length) {
        if (first < 0x250) {
            return 1 + Math.max(0, length - SHORT_WORD) / 4.0;
        }
        if (first >= 0x2E80) {
            return length * 0.86; // CJK, kana, Hangul: most characters are a token of their own
        }
        return Math.max(1, length / 4.2); // Cyrillic, Greek, Arabic, Devanagari...
    }
}
