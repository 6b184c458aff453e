package dev.arbiter.core.routing.quality;

import java.util.Arrays;

/**
 * Sorts non-negative ints of a known bit width by least-significant-digit radix sort, 8 bits a pass: two linear
 * passes for the hasher's 16-bit entries instead of a comparison sort (the hasher sorts up to ~2,000 entries per
 * prompt on every routing decision).
 */
final class RadixSort {
    private static final int DIGIT_BITS = 8;
    private static final int RADIX = 1 << DIGIT_BITS;

    private RadixSort() {
    }

    /** {@code values} sorted ascending (the same array or a new one); every value must be in [0, 2^bits). */
    static int[] sort(int[] values, int bits) {
        int[] from = values;
        int[] to = new int[values.length];
        int[] counts = new int[RADIX];
        for (int shift = 0; shift < bits; shift += DIGIT_BITS) {
            Arrays.fill(counts, 0);
            for (int v : from) {
                counts[(v >>> shift) & (RADIX - 1)]++;
            }
            for (int d = 0, start = 0; d < RADIX; d++) {
                int c = counts[d];
                counts[d] = start;
                start += c;
            }
            for (int v : from) {
                to[counts[(v >>> shift) & (RADIX - 1)]++] = v;
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }
}
