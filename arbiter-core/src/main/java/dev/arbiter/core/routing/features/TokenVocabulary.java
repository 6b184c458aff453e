package dev.arbiter.core.routing.features;

import java.util.function.IntFunction;

/**
 * Which pieces of text are a single o200k_base token: a Bloom filter (512 KB, ~0.2% false positives) of the
 * vocabulary's words and symbol runs, each hashed as the pieces of a text are while they are scanned, so a look-up
 * costs one multiply per character and one cache line. A piece it does not hold is split greedily into the longest
 * pieces it does, which counts its tokens about as byte-pair merging does.
 */
final class TokenVocabulary {
    /** Longest piece looked up (longer ones are estimated by their length). */
    static final int MAX_CHARS = 40;
    /** Longest match tried when splitting a piece. */
    static final int MAX_SPLIT_CHARS = 12;
    private static final int BITS = 22;
    /** Multiplier of the polynomial hash: a large odd one, as 31 (String.hashCode) makes "Aa" and "BB" collide. */
    static final long M = 0x100000001B3L;
    private static final long[] POWERS = new long[MAX_CHARS + 1];

    static {
        POWERS[0] = 1;
        for (int k = 1; k < POWERS.length; k++) {
            POWERS[k] = M * POWERS[k - 1];
        }
    }

    private TokenVocabulary() {
    }

    /**
     * The filter of the tokens {@code 0..size-1} that are one letter or symbol piece ({@code tokens} gives a token's
     * text, null if it is not whole characters). Built in the initialiser of {@link TokenEstimator}, not in that of
     * a class the scan belongs to, so that the scan compiled meanwhile has its calls inlined.
     */
    static long[] build(IntFunction<String> tokens, int size) {
        long[] bloom = new long[1 << (BITS - 6)];
        int[] found = new int[2];
        int[] noWeights = new int[PieceWeights.CELLS + 1];
        PieceScanner.Sink sink = (start, end, cell, ext) -> {
            found[0]++;
            found[1] = cell;
        };
        for (int id = 0; id < size; id++) {
            String token = tokens.apply(id);
            if (token != null && !token.isEmpty() && token.length() <= MAX_CHARS) {
                char[] a = token.toCharArray();
                found[0] = 0;
                PieceScanner.scan(a, 0, a.length, null, noWeights, null, sink);
                if (found[0] == 1 && PieceWeights.isWordOrSymbols(found[1])) {
                    long h = mix(hash(a, 0, a.length));
                    bloom[index(h, 12)] |= 1L << h;
                    bloom[index(h, 15)] |= 1L << (h >>> 6);
                    bloom[index(h, 18)] |= 1L << (h >>> 21);
                }
            }
        }
        return bloom;
    }

    static long hash(char[] a, int from, int to) {
        long h = 0;
        for (int k = from; k < to; k++) {
            h = M * h + a[k];
        }
        return h;
    }

    /** Whether the piece of this {@link #hash} is one token; always true without a filter (while building it). */
    static boolean contains(long[] bloom, long hash) {
        if (bloom == null) {
            return true;
        }
        long h = mix(hash);
        return (bloom[index(h, 12)] >>> h & bloom[index(h, 15)] >>> (h >>> 6) & bloom[index(h, 18)] >>> (h >>> 21)
                & 1) != 0;
    }

    /**
     * Tokens of {@code a[start, end)} (not itself a token), split greedily into the longest pieces the filter holds;
     * {@code prefixHashes} is working space of {@link #MAX_CHARS} + 1.
     */
    static int split(char[] a, int start, int end, long[] bloom, long[] prefixHashes) {
        int len = end - start;
        prefixHashes[0] = 0;
        for (int k = 0; k < len; k++) {
            prefixHashes[k + 1] = M * prefixHashes[k] + a[start + k];
        }
        int tokens = 0;
        int q = 0;
        while (q < len) {
            int k = Math.min(len, q + MAX_SPLIT_CHARS);
            for (; k > q + 1; k--) {
                if (contains(bloom, prefixHashes[k] - prefixHashes[q] * POWERS[k - q])) {
                    break;
                }
            }
            q = k;
            tokens++;
        }
        return Math.max(tokens, 2);
    }

    private static long mix(long h) {
        long x = (h ^ (h >>> 32)) * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }

    /** The three bits of a look-up lie in one 64-byte line (a blocked Bloom filter): one cache miss, not three. */
    private static int index(long h, int shift) {
        return (int) (h >>> (64 - BITS + 9)) << 3 | (int) (h >>> shift) & 7;
    }
}
