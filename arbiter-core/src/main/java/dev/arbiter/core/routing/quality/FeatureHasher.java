package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.RequestFeatures;
import java.util.Arrays;

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

    /** Seed offset of the ask's namespace, so "why" in the question and "why" in the context differ. */
    static final int ASK_NAMESPACE = 0x41534B21;
    /** Each namespace's weight: two unit blocks of weight 1/√2 make a unit whole when they do not overlap. */
    private static final double BLOCK_WEIGHT = Math.sqrt(0.5);

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
        return featurize(features, PromptShape.of(features.promptText()));
    }

    /**
     * Hashes the whole prompt and, in a second namespace, its ask (the last paragraph; see {@link PromptShape}),
     * each block L2-normalised and weighted 1/√2, so the question itself counts as much as any few-shot examples
     * or pasted context before it.
     */
    SparseVector featurize(RequestFeatures features, PromptShape shape) {
        String text = features.promptText() == null ? "" : features.promptText();
        int[] tokens = new int[params.maxTokens()];
        int[] whole = hashed(tokens, PromptTokens.hashes(text, tokens), params.seed());
        int askTokens = PromptTokens.hashes(shape.ask(), tokens);
        int[] question = hashed(tokens, askTokens, params.seed() ^ ASK_NAMESPACE);
        return assemble(whole, question, DenseFeatures.of(features, shape, askTokens));
    }

    /** Unigram and bigram entries of the first {@code n} token hashes, sorted. */
    private int[] hashed(int[] tokens, int n, int seed) {
        int[] hashed = new int[Math.max(0, n * 2 - 1)];
        int count = 0;
        int previous = 0;
        for (int i = 0; i < n; i++) {
            int h = mix(tokens[i] ^ seed);
            hashed[count++] = entry(h);
            if (i > 0) {
                hashed[count++] = entry(mix(previous * 0x9E3779B1 + h));
            }
            previous = h;
        }
        return RadixSort.sort(hashed, params.bits() + 1);
    }

    /** Packs bucket (high bits) and sign (low bit) so sorting groups equal buckets; at most 25 bits. */
    private int entry(int h) {
        return ((h & mask) << 1) | (h >>> 31);
    }

    private SparseVector assemble(int[] whole, int[] question, float[] dense) {
        SparseVector a = block(whole);
        SparseVector b = block(question);
        int[] index = new int[a.index().length + b.index().length + dense.length];
        float[] value = new float[index.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.index().length || j < b.index().length) {
            int ai = i < a.index().length ? a.index()[i] : Integer.MAX_VALUE;
            int bj = j < b.index().length ? b.index()[j] : Integer.MAX_VALUE;
            index[k] = Math.min(ai, bj);
            value[k++] = (ai <= bj ? a.value()[i++] : 0f) + (bj <= ai ? b.value()[j++] : 0f);
        }
        int offset = denseOffset();
        for (int d = 0; d < dense.length; d++) {
            if (dense[d] != 0f) {
                index[k] = offset + d;
                value[k++] = dense[d];
            }
        }
        return new SparseVector(Arrays.copyOf(index, k), Arrays.copyOf(value, k));
    }

    /** One namespace's signed bucket counts (entries sorted), L2-normalised and weighted 1/√2. */
    private static SparseVector block(int[] entries) {
        int[] index = new int[entries.length];
        float[] value = new float[entries.length];
        int n = 0;
        double norm = 0;
        for (int i = 0; i < entries.length; ) {
            int bucket = entries[i] >>> 1;
            float sum = 0;
            for (; i < entries.length && entries[i] >>> 1 == bucket; i++) {
                sum += (entries[i] & 1) == 0 ? 1f : -1f;
            }
            if (sum != 0) {
                index[n] = bucket;
                value[n++] = sum;
                norm += sum * sum;
            }
        }
        float scale = norm == 0 ? 0f : (float) (BLOCK_WEIGHT / Math.sqrt(norm));
        for (int i = 0; i < n; i++) {
            value[i] *= scale;
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
