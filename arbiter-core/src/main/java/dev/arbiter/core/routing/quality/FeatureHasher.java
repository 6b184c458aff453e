package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.RequestFeatures;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the sparse difficulty vector x(q): signed-hashed word unigrams and bigrams of the prompt in
 * {@code 2^bits} buckets (L2-normalised, so long prompts do not dominate), followed by the {@link DenseFeatures}.
 * Pure and deterministic: String.hashCode is specified, and the mixing below is fixed.
 */
final class FeatureHasher {
    /** Hashing parameters, saved in the profile so prediction hashes exactly as training did. */
    record Params(int bits, int seed, int maxTokens) {
        Params {
            if (bits < 4 || bits > 24) {
                throw new IllegalArgumentException("hash bits must be in [4, 24], got " + bits);
            }
            if (maxTokens < 1) {
                throw new IllegalArgumentException("maxTokens must be positive, got " + maxTokens);
            }
        }

        static Params defaults() {
            return new Params(15, 0x5eed, 1024);
        }
    }

    private final Params params;
    private final int mask;

    FeatureHasher(Params params) {
        this.params = params;
        this.mask = (1 << params.bits()) - 1;
    }

    Params params() {
        return params;
    }

    /** Length of x(q): the hashed buckets then the dense features. */
    int dimension() {
        return denseOffset() + DenseFeatures.NAMES.size();
    }

    int denseOffset() {
        return 1 << params.bits();
    }

    SparseVector featurize(RequestFeatures features) {
        String text = features.promptText() == null ? "" : features.promptText();
        List<String> tokens = PromptTokens.of(text, params.maxTokens());
        long[] hashed = new long[tokens.size() * 2];
        int count = 0;
        int previous = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int h = mix(tokens.get(i).hashCode() ^ params.seed());
            hashed[count++] = entry(h);
            if (i > 0) {
                hashed[count++] = entry(mix(previous * 0x9E3779B1 + h));
            }
            previous = h;
        }
        return assemble(Arrays.copyOf(hashed, count), DenseFeatures.of(features));
    }

    /** Packs bucket (high bits) and sign (low bit) so sorting groups equal buckets. */
    private long entry(int h) {
        return ((long) (h & mask) << 1) | (h >>> 31);
    }

    private SparseVector assemble(long[] entries, float[] dense) {
        Arrays.sort(entries);
        int[] index = new int[entries.length + dense.length];
        float[] value = new float[index.length];
        int n = 0;
        double norm = 0;
        for (int i = 0; i < entries.length; ) {
            int bucket = (int) (entries[i] >>> 1);
            float sum = 0;
            for (; i < entries.length && (int) (entries[i] >>> 1) == bucket; i++) {
                sum += (entries[i] & 1) == 0 ? 1f : -1f;
            }
            if (sum != 0) {
                index[n] = bucket;
                value[n++] = sum;
                norm += sum * sum;
            }
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < n; i++) {
            value[i] *= scale;
        }
        int offset = denseOffset();
        for (int d = 0; d < dense.length; d++) {
            if (dense[d] != 0f) {
                index[n] = offset + d;
                value[n++] = dense[d];
            }
        }
        return new SparseVector(Arrays.copyOf(index, n), Arrays.copyOf(value, n));
    }

    /** Murmur3's 32-bit finaliser: spreads String.hashCode's weak low bits over the whole word. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
