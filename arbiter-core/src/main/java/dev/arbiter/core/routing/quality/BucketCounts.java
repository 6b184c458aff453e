package dev.arbiter.core.routing.quality;

import java.util.Arrays;

/**
 * Sums the hasher's signed bucket entries of two namespaces (the whole prompt and its ask) into one sparse vector in
 * bucket order, without sorting: a bitmap marks the buckets used, a bucket's rank among them (a prefix popcount)
 * indexes its counts, and walking the bitmap yields the buckets in ascending order. Each namespace is L2-normalised
 * and weighted 1/√2, so two blocks that do not overlap make a unit whole.
 *
 * <p>Why not sort: the decision path hashes ~2,000 entries per long prompt, and sorting them (even by radix) was a
 * quarter of the quality model's time; this is two linear passes over the entries and one over 2^bits/64 words.
 * The arithmetic is the sorted version's, term for term, so features are bit-identical.
 */
final class BucketCounts {
    private static final double BLOCK_WEIGHT = Math.sqrt(0.5);

    private BucketCounts() {
    }

    /**
     * The merged, normalised vector of two entry lists (each entry {@code bucket << 1 | sign}), then the non-zero
     * {@code dense} values at {@code denseOffset + i}; every bucket must be below {@code denseOffset}.
     */
    static SparseVector merge(int[] whole, int[] ask, float[] dense, int denseOffset) {
        long[] used = new long[Math.max(1, denseOffset >>> 6)];
        mark(used, whole);
        mark(used, ask);
        int[] rankBase = new int[used.length];
        int buckets = 0;
        for (int w = 0; w < used.length; w++) {
            rankBase[w] = buckets;
            buckets += Long.bitCount(used[w]);
        }
        int[] wholeCounts = counts(used, rankBase, whole, buckets);
        int[] askCounts = counts(used, rankBase, ask, buckets);
        float wholeScale = scale(wholeCounts);
        float askScale = scale(askCounts);

        int[] index = new int[buckets + dense.length];
        float[] value = new float[index.length];
        int k = 0;
        int rank = 0;
        for (int w = 0; w < used.length; w++) {
            for (long bits = used[w]; bits != 0; bits &= bits - 1, rank++) {
                int a = wholeCounts[rank];
                int b = askCounts[rank];
                if (a != 0 || b != 0) {
                    index[k] = (w << 6) | Long.numberOfTrailingZeros(bits);
                    value[k++] = (a != 0 ? a * wholeScale : 0f) + (b != 0 ? b * askScale : 0f);
                }
            }
        }
        for (int d = 0; d < dense.length; d++) {
            if (dense[d] != 0f) {
                index[k] = denseOffset + d;
                value[k++] = dense[d];
            }
        }
        return new SparseVector(Arrays.copyOf(index, k), Arrays.copyOf(value, k));
    }

    private static void mark(long[] used, int[] entries) {
        for (int e : entries) {
            used[e >>> 7] |= 1L << (e >>> 1); // bucket e >>> 1: word bucket / 64, bit bucket % 64 (shifts are mod 64)
        }
    }

    private static int[] counts(long[] used, int[] rankBase, int[] entries, int buckets) {
        int[] counts = new int[buckets];
        for (int e : entries) {
            int bucket = e >>> 1;
            int w = bucket >>> 6;
            int rank = rankBase[w] + Long.bitCount(used[w] & ((1L << bucket) - 1));
            counts[rank] += (e & 1) == 0 ? 1 : -1;
        }
        return counts;
    }

    /** 1/√2 over the block's L2 norm; counts are small integers, so the norm is exact whatever the order. */
    private static float scale(int[] counts) {
        long norm = 0;
        for (int c : counts) {
            norm += (long) c * c;
        }
        return norm == 0 ? 0f : (float) (BLOCK_WEIGHT / Math.sqrt(norm));
    }
}
