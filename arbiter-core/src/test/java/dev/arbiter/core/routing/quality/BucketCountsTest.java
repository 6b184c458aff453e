package dev.arbiter.core.routing.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BucketCountsTest {
    private static final int DENSE_OFFSET = 1 << 15;

    private static int plus(int bucket) {
        return bucket << 1;
    }

    private static int minus(int bucket) {
        return bucket << 1 | 1;
    }

    @Test
    void sumsSignedEntriesPerBucketNormalisesEachBlockAndAddsTheBlocksInBucketOrder() {
        int[] whole = {plus(3), plus(3), minus(1), plus(5), minus(5)};
        int[] ask = {minus(3), plus(7)};
        float wholeScale = (float) (Math.sqrt(0.5) / Math.sqrt(5)); // counts -1, 2 (bucket 5 cancels out)
        float askScale = 0.5f; // counts -1, 1

        SparseVector v = BucketCounts.merge(whole, ask, new float[] {0f, 2.5f}, 16);

        assertThat(v.index()).containsExactly(1, 3, 7, 17);
        assertThat(v.value()).containsExactly(-wholeScale, 2 * wholeScale - askScale, askScale, 2.5f);
    }

    @Test
    void emptyBlocksGiveOnlyTheDenseValues() {
        SparseVector v = BucketCounts.merge(new int[0], new int[0], new float[] {1f, 0f, 3f}, 16);

        assertThat(v.index()).containsExactly(16, 18);
        assertThat(v.value()).containsExactly(1f, 3f);
    }

    @Test
    void givesBitForBitWhatSortingAndGroupingTheEntriesGives() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int[] whole = entries(random, random.nextInt(3000), random.nextInt(1, 1 << 15));
            int[] ask = entries(random, random.nextInt(300), random.nextInt(1, 1 << 15));
            float[] dense = {1f, 0f, random.nextFloat()};

            SparseVector merged = BucketCounts.merge(whole, ask, dense, DENSE_OFFSET);
            SparseVector expected = bySorting(whole, ask, dense);

            assertThat(merged.index()).as("round %d", round).isEqualTo(expected.index());
            assertThat(merged.value()).as("round %d", round).isEqualTo(expected.value());
        }
    }

    private static int[] entries(Random random, int n, int buckets) {
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            e[i] = random.nextInt(buckets) << 1 | random.nextInt(2);
        }
        return e;
    }

    /** The plain construction: group by bucket in a sorted map, normalise each block, add the blocks. */
    private static SparseVector bySorting(int[] whole, int[] ask, float[] dense) {
        Map<Integer, Float> a = block(whole);
        Map<Integer, Float> b = block(ask);
        TreeMap<Integer, Float> sum = new TreeMap<>();
        a.forEach((k, v) -> sum.merge(k, v, Float::sum));
        b.forEach((k, v) -> sum.merge(k, v, Float::sum));
        for (int d = 0; d < dense.length; d++) {
            if (dense[d] != 0f) {
                sum.put(DENSE_OFFSET + d, dense[d]);
            }
        }
        int[] index = sum.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] value = new float[index.length];
        for (int i = 0; i < index.length; i++) {
            value[i] = sum.get(index[i]);
        }
        return new SparseVector(index, value);
    }

    private static Map<Integer, Float> block(int[] entries) {
        TreeMap<Integer, Float> counts = new TreeMap<>();
        for (int e : entries) {
            counts.merge(e >>> 1, (e & 1) == 0 ? 1f : -1f, Float::sum);
        }
        counts.values().removeIf(c -> c == 0f);
        double norm = 0;
        for (float c : counts.values()) {
            norm += c * c;
        }
        float scale = (float) (Math.sqrt(0.5) / Math.sqrt(norm));
        counts.replaceAll((k, c) -> c * scale);
        return counts;
    }
}
