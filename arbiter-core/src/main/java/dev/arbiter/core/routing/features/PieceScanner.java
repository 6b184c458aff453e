package dev.arbiter.core.routing.features;

import static dev.arbiter.core.routing.features.CharClasses.BOTH;
import static dev.arbiter.core.routing.features.CharClasses.DIGIT;
import static dev.arbiter.core.routing.features.CharClasses.LOWER;
import static dev.arbiter.core.routing.features.CharClasses.MARK;
import static dev.arbiter.core.routing.features.CharClasses.NEWLINE;
import static dev.arbiter.core.routing.features.CharClasses.OTHER_SPACE;
import static dev.arbiter.core.routing.features.CharClasses.SPACE;
import static dev.arbiter.core.routing.features.CharClasses.SYMBOL;
import static dev.arbiter.core.routing.features.CharClasses.UPPER;
import static dev.arbiter.core.routing.features.TokenVocabulary.M;

/**
 * Splits text into the pieces o200k_base's pre-tokenising regex would (PieceWeightsTest checks it piece for piece
 * against the regex on several languages and codes) and sums their {@link PieceWeights}, in one allocation-free
 * pass: plain ASCII pieces take a fast path, everything else the general one.
 *
 * <p>The regex, alternatives in order: a word of capitals then lower case with one optional leading non-letter
 * (" word", ".get", "_id"), an English contraction ('s, 't...), 1-3 digits, a symbol run with one optional leading
 * space and trailing newlines or slashes, whitespace up to its last newline, whitespace but its last character
 * (which joins the next word), any whitespace.
 */
final class PieceScanner {
    private PieceScanner() {
    }

    /** Receives every piece of a scan (building the vocabulary filter, calibration and tests). */
    interface Sink {
        void piece(int start, int end, int cell, int ext);
    }

    /**
     * The weight × {@link PieceWeights#ONE} of {@code a[from, n)}, piece by piece; {@code scratch} is working space
     * from {@link PieceWeights#scratch}, {@code sink} may be null.
     */
    static long scan(char[] a, int from, int n, long[] bloom, int[] w, long[] scratch, Sink sink) {
        long sum = 0;
        int i = from;
        while (i < n) {
            long p = a[i] < 0x80 ? ascii(a, i, n, bloom, scratch) : -1;
            if (p < 0) {
                p = piece(a, i, n, bloom, scratch);
            }
            int end = (int) p;
            int cell = (int) (p >>> 32) & 0xFFFF;
            int ext = (int) (p >>> 48);
            sum += w[cell] + (long) ext * w[cell + 1];
            if (sink != null) {
                sink.piece(i, end, cell, ext);
            }
            i = end;
        }
        return sum;
    }

    /** A piece: where it ends, its cell, and its length beyond the cap of the cell's family. */
    static long pack(int end, int cell, int ext) {
        return (end & 0xFFFFFFFFL) | (long) cell << 32 | (long) Math.clamp(ext, 0, 0xFFFF) << 48;
    }

    /** The piece at {@code i} if it is plain ASCII (most of English and code), else -1 for {@link #piece}. */
    private static long ascii(char[] a, int i, int n, long[] bloom, long[] scratch) {
        char c = a[i];
        int k = CharClasses.ascii(c);
        int p = i;
        if (k != LOWER && k != UPPER) {
            if (k == DIGIT || k == NEWLINE || i + 1 >= n || a[i + 1] >= 0x80 || c == '\'') {
                return k == DIGIT ? asciiDigits(a, i, n) : -1;
            }
            int next = CharClasses.ascii(a[i + 1]);
            if (next != LOWER && next != UPPER) {
                return k == SYMBOL ? asciiSymbols(a, i, i, n, bloom)
                        : k == SPACE && next == SYMBOL ? asciiSymbols(a, i, i + 1, n, bloom) : -1;
            }
            p = i + 1;
        }
        long h = p > i ? c : 0;
        int uppers = 0;
        int j = p;
        for (; j < n && a[j] >= 'A' && a[j] <= 'Z'; j++) {
            h = M * h + a[j];
            uppers++;
        }
        for (; j < n && a[j] >= 'a' && a[j] <= 'z'; j++) {
            h = M * h + a[j];
        }
        if (j < n && a[j] >= 0x80) {
            return -1; // the word may go on with a letter or mark beyond ASCII
        }
        return word(a, i, p, j, uppers, CharClasses.ASCII_SCRIPT, h, bloom, scratch);
    }

    private static long asciiDigits(char[] a, int i, int n) {
        int end = i + 1;
        while (end < n && end - i < 3 && a[end] >= '0' && a[end] <= '9') {
            end++;
        }
        return end < n && end - i < 3 && a[end] >= 0x80 ? -1 : pack(end, PieceWeights.DIGITS + end - i - 1, 0);
    }

    private static long asciiSymbols(char[] a, int start, int p, int n, long[] bloom) {
        long h = start < p ? ' ' : 0;
        int end = p;
        for (; end < n; end++) {
            char c = a[end];
            if (c >= 0x80) {
                return -1;
            }
            if (CharClasses.ascii(c) != SYMBOL) {
                break;
            }
            h = M * h + c;
        }
        return symbolsEnd(a, start, p, end, n, 0, h, bloom);
    }

    /** The piece at {@code i}, any characters. */
    static long piece(char[] a, int i, int n, long[] bloom, long[] scratch) {
        int t = CharClasses.at(a, i, n);
        if (CharClasses.isLetter(t)) {
            return letters(a, i, i, n, bloom, scratch);
        }
        int k = t & 15;
        if (k == DIGIT) {
            return digits(a, i, n);
        }
        if (k == NEWLINE) {
            return whitespace(a, i, n);
        }
        int next = i + 1 < n ? CharClasses.at(a, i + 1, n) & 15 : -1;
        boolean letterNext = CharClasses.isLetter(next); // next is -1 (no class) at the end
        if (k == SYMBOL && a[i] == '\'' && i > 0 && letterNext && CharClasses.isLetter(CharClasses.at(a, i - 1, n))) {
            int length = contraction(a, i, n);
            if (length > 0) {
                return pack(i + length, PieceWeights.CONTRACTION, 0);
            }
        }
        if (letterNext) {
            return letters(a, i, i + 1, n, bloom, scratch);
        }
        if (k == SYMBOL) {
            return symbols(a, i, i, n, bloom);
        }
        return k == SPACE && next == SYMBOL ? symbols(a, i, i + 1, n, bloom) : whitespace(a, i, n);
    }

    /** Length of an English contraction ('s, 't, 're, 've, 'm, 'll, 'd) at {@code i}, or 0. */
    private static int contraction(char[] a, int i, int n) {
        char x = Character.toLowerCase(a[i + 1]);
        if (x == 's' || x == 't' || x == 'm' || x == 'd') {
            return 2;
        }
        if (i + 2 >= n) {
            return 0;
        }
        char y = Character.toLowerCase(a[i + 2]);
        return (x == 'r' || x == 'v') && y == 'e' || x == 'l' && y == 'l' ? 3 : 0;
    }

    /**
     * A word from {@code p} (after a one-character prefix at {@code start} if {@code start < p}): capitals, then
     * lower case, as the regex's [U]*[W]+ | [U]+[W]* (with U and W both holding \p{Lo}, \p{Lm} and \p{M}).
     */
    private static long letters(char[] a, int start, int p, int n, long[] bloom, long[] scratch) {
        long h = start < p ? a[start] : 0;
        int uppers = 0;
        int script = 0;
        int lastBoth = -1;
        int j = p;
        int t = 0;
        for (; j < n; j++) {
            t = CharClasses.at(a, j, n);
            int k = t & 15;
            if (k == UPPER) {
                uppers++;
            } else if (k == BOTH || k == MARK) {
                lastBoth = j;
            } else {
                break;
            }
            script = Math.max(script, t >>> 4 & 15);
            h = M * h + a[j];
        }
        if (j < n && (t & 15) == LOWER) {
            for (; j < n; j++) {
                t = CharClasses.at(a, j, n);
                int k = t & 15;
                if (k != LOWER && k != BOTH && k != MARK) {
                    break;
                }
                script = Math.max(script, t >>> 4 & 15);
                h = M * h + a[j];
            }
        } else if (lastBoth >= 0 && lastBoth + 1 < j) {
            return backtracked(a, start, p, lastBoth + 1, n, bloom, scratch);
        }
        return word(a, start, p, j, uppers, script, h, bloom, scratch);
    }

    /** The rare word the regex cuts after its last \p{Lo} because capitals follow ("中文ABC" is "中文", "ABC"). */
    private static long backtracked(char[] a, int start, int p, int end, int n, long[] bloom, long[] scratch) {
        long h = start < p ? a[start] : 0;
        int uppers = 0;
        int script = 0;
        for (int j = p; j < end; j++) {
            int t = CharClasses.at(a, j, n);
            uppers += (t & 15) == UPPER ? 1 : 0;
            script = Math.max(script, t >>> 4 & 15);
            h = M * h + a[j];
        }
        return word(a, start, p, end, uppers, script, h, bloom, scratch);
    }

    /** The cell of a word: one token, or split into vocabulary pieces, or (very long) by its length. */
    private static long word(char[] a, int start, int p, int end, int uppers, int script, long h, long[] bloom,
            long[] scratch) {
        if (end - start > TokenVocabulary.MAX_CHARS) {
            return pack(end, PieceWeights.LONG + 2 * script, end - start);
        }
        if (TokenVocabulary.contains(bloom, h)) {
            return pack(end, PieceWeights.SINGLE + script, 0);
        }
        int len = end - p;
        boolean caps = uppers > 1 || uppers == 1 && (CharClasses.at(a, p, end) & 15) != UPPER;
        int tokens = TokenVocabulary.split(a, start, end, bloom, scratch);
        int bucket = Math.min(tokens, PieceWeights.SPLIT_BUCKETS + 1) - 2;
        int base = PieceWeights.SPLIT
                + ((script * 2 + (caps ? 1 : 0)) * PieceWeights.SPLIT_BUCKETS + bucket) * PieceWeights.STRIDE;
        int size = bucket == PieceWeights.SPLIT_BUCKETS - 1 ? tokens : len;
        return pack(end, base + Math.min(size, PieceWeights.CAP) - 1, size - PieceWeights.CAP);
    }

    private static long digits(char[] a, int i, int n) {
        int end = i;
        boolean ascii = true;
        while (end < n && end - i < 3 && (CharClasses.at(a, end, n) & 15) == DIGIT) {
            ascii &= a[end] < 0x80;
            end++;
        }
        return pack(end, ascii ? PieceWeights.DIGITS + end - i - 1 : PieceWeights.OTHER_NUMBER, 0);
    }

    /** " ?[^\s\p{L}\p{N}]+[\r\n/]*": a symbol run, with one leading space and trailing newlines and slashes. */
    private static long symbols(char[] a, int start, int p, int n, long[] bloom) {
        long h = start < p ? a[start] : 0;
        int end = p;
        int kind = 0;
        for (; end < n; end++) {
            int t = CharClasses.at(a, end, n);
            if ((t & 15) != SYMBOL && (t & 15) != MARK) {
                break;
            }
            kind = Math.max(kind, (t & CharClasses.ASTRAL) != 0 ? 2 : a[end] >= 0x80 ? 1 : 0);
            h = M * h + a[end];
        }
        return symbolsEnd(a, start, p, end, n, kind, h, bloom);
    }

    /** The trailing [\r\n/]* of a symbol run ending at {@code end}, and the piece's cell. */
    private static long symbolsEnd(char[] a, int start, int p, int end, int n, int kind, long h, long[] bloom) {
        int newlines = 0;
        int len = end - p;
        for (; end < n; end++) {
            char c = a[end];
            if (c == '\n' || c == '\r') {
                newlines++;
            } else if (c == '/') {
                len++;
            } else {
                break;
            }
            h = M * h + c;
        }
        if (end - start <= TokenVocabulary.MAX_CHARS && TokenVocabulary.contains(bloom, h)) {
            return pack(end, PieceWeights.SINGLE_SYMBOLS, 0);
        }
        int family = ((p > start ? 3 : 0) + Math.min(newlines, 2)) * 3 + kind;
        return pack(end, PieceWeights.SYMBOLS + family * PieceWeights.SYMBOL_STRIDE
                + Math.min(len, PieceWeights.SYMBOL_CAP) - 1, len - PieceWeights.SYMBOL_CAP);
    }

    /** "\s*[\r\n]+", "\s+(?!\S)", "\s+": up to the last newline, else all but the last space before a word. */
    private static long whitespace(char[] a, int i, int n) {
        int j = i;
        int lastNewline = -1;
        int newlines = 0;
        for (; j < n; j++) {
            char c = a[j];
            if (c == '\n' || c == '\r') {
                lastNewline = j;
                newlines++;
            } else if (c != ' ' && c != '\t' && (CharClasses.at(a, j, n) & 15) != OTHER_SPACE) {
                break;
            }
        }
        if (lastNewline >= 0) {
            int family = newlines == lastNewline + 1 - i ? 0 : 1; // 1: spaces before a newline
            return pack(lastNewline + 1, PieceWeights.NEWLINES + family * PieceWeights.NEWLINE_STRIDE
                    + Math.min(newlines, PieceWeights.NEWLINE_CAP) - 1, newlines - PieceWeights.NEWLINE_CAP);
        }
        int end = j == n ? j : j - i >= 2 ? j - 1 : i + 1;
        int kind = 0;
        for (int k = i; k < end; k++) {
            kind |= a[k] == ' ' ? 0 : a[k] == '\t' ? 1 : 2;
        }
        int len = end - i;
        return pack(end, PieceWeights.SPACES + Math.min(kind, 2) * PieceWeights.STRIDE
                + Math.min(len, PieceWeights.CAP) - 1, len - PieceWeights.CAP);
    }
}
