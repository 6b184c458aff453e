package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.RequestFeatures;
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
        return BucketCounts.merge(whole, question, DenseFeatures.of(features, shape, askTokens), denseOffset());
    }

    /** Unigram and bigram entries of the first {@code n} token hashes, in token order. */
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
        return hashed;
    }

    /** Packs bucket (high bits) and sign (low bit); see {@link BucketCounts}. */
    private int entry(int h) {
        return ((h & mask) << 1) | (h >>> 31);
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
