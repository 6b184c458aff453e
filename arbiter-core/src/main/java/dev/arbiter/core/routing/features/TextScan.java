package dev.arbiter.core.routing.features;

import java.util.Arrays;

/**
 * One pass over a scored slice that the whole task scorer shares: its characters, where its lines start, where the
 * punctuation the cue regexes begin with sits ({@link #MARKS}), where numbers may start ({@link NumberScanner}) and,
 * given a lexicon, its {@link Words}. Cues, numbers and the lexicon then look at a few recorded positions instead of
 * reading the text again.
 */
final class TextScan {
    /** The characters whose positions are recorded: every start character a {@link MatchStarts} filter uses. */
    static final String MARKS = "=-:!&|;)(^+\\$[";

    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    /** A mark that cannot be inside a word. */
    private static final byte MARK = 3;
    private static final byte LINE_END = 4;
    /** Continues a word: ' # and ’ (see {@link Words}). */
    private static final byte JOINER = 5;
    /** Continues a word and is a mark: + and -. */
    private static final byte MARK_JOINER = 6;
    private static final byte[] ASCII = asciiKinds();

    final String text;
    final char[] chars;
    private final Words words;
    private int[] lineStarts = new int[16];
    private int lineCount;
    private int[] marks = new int[64];
    private int markCount;
    private int[] numberStarts = new int[16];
    private int numberCount;

    /** A scan without words (enough for cues and numbers). */
    TextScan(String text) {
        this(text, null);
    }

    TextScan(String text, LexiconIndex lexicon) {
        this.text = text;
        this.chars = text.toCharArray();
        this.words = lexicon == null ? null : new Words(lexicon, text, chars.length / 6 + 16);
        int n = chars.length;
        if (n > 0) {
            lineStarts[lineCount++] = 0;
        }
        char[] cs = chars;
        for (int i = 0; i < n; ) {
            char c = cs[i];
            byte kind = c < 128 ? ASCII[c] : wide(c);
            if (kind == LETTER || kind == DIGIT) {
                i = word(cs, i);
                continue;
            }
            if (kind == MARK || kind == MARK_JOINER) {
                addMark(i);
            } else if (kind == LINE_END && i + 1 < n) {
                addLineStart(i + 1);
            }
            i++;
        }
        lineStarts = Arrays.copyOf(lineStarts, lineCount);
        marks = Arrays.copyOf(marks, markCount);
        numberStarts = Arrays.copyOf(numberStarts, numberCount);
    }

    /**
     * Reads the word (letters or digits, then also ' ’ + # -) starting at {@code start}; records its marks and
     * number starts, hands it to {@link Words} without its trailing ' ’ -, and returns where it ends.
     */
    private int word(char[] chars, int start) {
        int n = chars.length;
        int kept = start;
        boolean ascii = true;
        int i = start;
        for (; i < n; i++) {
            char c = chars[i];
            byte kind = c < 128 ? ASCII[c] : wide(c);
            if (kind == LETTER && c < 128) {
                kept = i + 1;
            } else if (kind == LETTER || kind == DIGIT) {
                boolean digit = kind == DIGIT || Character.isDigit(c);
                if (digit && (i == 0 || !partOfNumberlessWord(chars[i - 1]))) {
                    addNumberStart(i);
                }
                ascii &= c < 128;
                kept = i + 1;
            } else if (kind == MARK_JOINER || kind == JOINER) {
                if (kind == MARK_JOINER) {
                    addMark(i);
                }
                kept = c == '+' || c == '#' ? i + 1 : kept;
            } else {
                break;
            }
        }
        if (words != null) {
            words.add(chars, start, kept, i, ascii);
        }
        return i;
    }

    /** Characters after which a digit does not start a number ({@link NumberScanner}): letters, "_" and ".". */
    private static boolean partOfNumberlessWord(char c) {
        return c < 128 ? ASCII[c] == LETTER || c == '_' || c == '.' : Character.isLetter(c);
    }

    private static byte wide(char c) {
        if (Character.isLetterOrDigit(c)) {
            return LETTER;
        }
        return c == '’' ? JOINER : MatchStarts.isLineTerminator(c) ? LINE_END : OTHER;
    }

    private void addMark(int at) {
        marks = append(marks, markCount++, at);
    }

    private void addLineStart(int at) {
        lineStarts = append(lineStarts, lineCount++, at);
    }

    private void addNumberStart(int at) {
        numberStarts = append(numberStarts, numberCount++, at);
    }

    /** {@code values} (grown when full) with {@code value} at {@code index}. */
    private static int[] append(int[] values, int index, int value) {
        int[] out = index < values.length ? values : Arrays.copyOf(values, 2 * values.length);
        out[index] = value;
        return out;
    }

    int length() {
        return chars.length;
    }

    /**
     * Positions where a MULTILINE {@code ^} can match, ascending: the start of a non-empty text and every position
     * after a line terminator, except the end ("\r" before "\n" is let through, a superset).
     */
    int[] lineStarts() {
        return lineStarts;
    }

    /** Positions of the {@link #MARKS} characters, ascending. */
    int[] marks() {
        return marks;
    }

    /** Positions of digits ({@link Character#isDigit(char)}) not after a letter, "_" or ".", ascending. */
    int[] numberStarts() {
        return numberStarts;
    }

    /** The words, when the scan was given a lexicon. */
    Words words() {
        if (words == null) {
            throw new IllegalStateException("scanned without a lexicon");
        }
        return words;
    }

    static boolean isMark(char c) {
        return c < 128 && MARKS.indexOf(c) >= 0;
    }

    private static byte[] asciiKinds() {
        byte[] kinds = new byte[128];
        for (char c = 0; c < 128; c++) {
            boolean mark = MARKS.indexOf(c) >= 0;
            boolean joiner = c == '\'' || c == '#' || c == '+' || c == '-';
            kinds[c] = Character.isLetter(c) ? LETTER : Character.isDigit(c) ? DIGIT : joiner && mark ? MARK_JOINER
                    : joiner ? JOINER : mark ? MARK : c == '\n' || c == '\r' ? LINE_END : OTHER;
        }
        return kinds;
    }
}
