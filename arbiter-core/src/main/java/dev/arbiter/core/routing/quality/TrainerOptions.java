package dev.arbiter.core.routing.quality;

/**
 * Knobs of {@link QualityTrainer}. L2 strengths are per parameter against a summed loss (one triple weighs 1), so
 * λ = 4 is worth roughly 16 observations: {@code l2Hashed}/{@code l2Dense}/{@code l2Intercept} for the
 * difficulty weights, {@code l2Ability} for per-task deviations from a model's bias, {@code l2Bias} for the bias
 * toward its prior (kept tiny in a base fit so per-source offsets land in the biases, not in prompt-style words),
 * {@code l2Group} for the per-task difficulty intercepts of a base fit (training-only random effects: kept small
 * so a task's level lands there, not in words that happen to identify the task; 0 turns them off), {@code l2Slope}
 * for each model's log discrimination (0: one shared slope, the 1PL model). {@code guessFloor} puts a
 * multiple-choice prompt's guessing rate under every success curve. A fit with {@code tuneDifficulty} also moves
 * the difficulty weights, pulled toward the base by {@code l2TuneHashed}/{@code l2TuneDense}. The defaults are
 * the ones whole-task cross-validation chose (docs/routing.md).
 */
public record TrainerOptions(int hashBits, int hashSeed, int maxTokens, double l2Hashed, double l2Dense,
                             double l2Intercept, double l2Ability, double l2Bias, double l2FitBias, double l2Group,
                             double l2Slope, boolean guessFloor, boolean balanceSources, boolean tuneDifficulty,
                             double l2TuneHashed, double l2TuneDense, int maxIterations) {

    public static TrainerOptions defaults() {
        return new TrainerOptions(15, 0x5eed, 1024, 8.0, 20.0, 0.01, 50.0, 0.01, 1.0, 0.01, 0.0, false,
                true, false, 50.0, 5.0, 400);
    }

    public TrainerOptions withTuneDifficulty(boolean tune) {
        return new TrainerOptions(hashBits, hashSeed, maxTokens, l2Hashed, l2Dense, l2Intercept, l2Ability, l2Bias,
                l2FitBias, l2Group, l2Slope, guessFloor, balanceSources, tune, l2TuneHashed, l2TuneDense,
                maxIterations);
    }

    FeatureHasher.Params hashing() {
        return new FeatureHasher.Params(hashBits, hashSeed, maxTokens);
    }
}
