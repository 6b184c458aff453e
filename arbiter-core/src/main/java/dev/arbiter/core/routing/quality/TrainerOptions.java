package dev.arbiter.core.routing.quality;

/**
 * Knobs of {@link QualityTrainer}. L2 strengths are per parameter against a summed loss (one triple weighs 1), so
 * λ = 4 is worth roughly 16 observations: {@code l2Hashed}/{@code l2Dense}/{@code l2Intercept} for the
 * difficulty weights, {@code l2Ability} for per-task deviations from a model's bias, {@code l2Bias} for the bias
 * toward its prior (kept tiny in a base fit so per-source offsets land in the biases, not in prompt-style words).
 * A fit with {@code tuneDifficulty} also moves the difficulty weights, pulled toward the base by
 * {@code l2TuneHashed}/{@code l2TuneDense}.
 */
public record TrainerOptions(int hashBits, int hashSeed, int maxTokens, double l2Hashed, double l2Dense,
                             double l2Intercept, double l2Ability, double l2Bias, double l2FitBias,
                             boolean balanceSources, boolean tuneDifficulty, double l2TuneHashed,
                             double l2TuneDense, int maxIterations) {

    public static TrainerOptions defaults() {
        return new TrainerOptions(15, 0x5eed, 1024, 2.0, 0.5, 0.01, 8.0, 0.01, 1.0,
                true, false, 50.0, 5.0, 400);
    }

    public TrainerOptions withTuneDifficulty(boolean tune) {
        return new TrainerOptions(hashBits, hashSeed, maxTokens, l2Hashed, l2Dense, l2Intercept, l2Ability, l2Bias,
                l2FitBias, balanceSources, tune, l2TuneHashed, l2TuneDense, maxIterations);
    }

    FeatureHasher.Params hashing() {
        return new FeatureHasher.Params(hashBits, hashSeed, maxTokens);
    }
}
