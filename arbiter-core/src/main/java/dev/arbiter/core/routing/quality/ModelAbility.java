package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.TaskType;
import java.util.Arrays;

/**
 * One model's parameters in the quality model: its overall bias b, its per-task-type abilities a[t] (deviations
 * added in proportion to the request's task loadings, in {@link QualityProfile#FACTORS} order), its log
 * discrimination κ (how steeply its success falls with difficulty: the logit is skill − e^κ·difficulty; 0 is the
 * population's slope), and how many outcome rows they were fitted on (0 for a prior).
 */
public record ModelAbility(float bias, float[] abilities, float slope, int rows) {
    /** Abilities at the population's discrimination (κ = 0). */
    public ModelAbility(float bias, float[] abilities, int rows) {
        this(bias, abilities, 0f, rows);
    }

    public ModelAbility {
        if (abilities.length != QualityProfile.FACTORS.size()) {
            throw new IllegalArgumentException("expected " + QualityProfile.FACTORS.size() + " abilities, got "
                    + abilities.length);
        }
        abilities = abilities.clone();
    }

    @Override
    public float[] abilities() {
        return abilities.clone();
    }

    public double ability(TaskType type) {
        return abilities[QualityProfile.FACTORS.indexOf(type)];
    }

    /** The model's logit before difficulty: Σ_t mix_t·a[t] + b. */
    double skill(float[] mix) {
        double z = bias;
        for (int t = 0; t < abilities.length; t++) {
            z += mix[t] * (double) abilities[t];
        }
        return z;
    }

    /** The logit of success at a difficulty, given the request's task loadings. */
    double logit(float[] mix, double difficulty) {
        return skill(mix) - Math.exp(slope) * difficulty;
    }

    /** The same abilities with the bias moved by {@code shift} (used by catalog priors). */
    public ModelAbility shifted(double shift) {
        return new ModelAbility((float) (bias + shift), abilities, slope, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelAbility other && bias == other.bias && slope == other.slope && rows == other.rows
                && Arrays.equals(abilities, other.abilities);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Float.hashCode(bias) + Arrays.hashCode(abilities)) + Float.hashCode(slope)) + rows;
    }

    @Override
    public String toString() {
        return "ModelAbility[bias=" + bias + ", abilities=" + Arrays.toString(abilities) + ", slope=" + slope
                + ", rows=" + rows + "]";
    }
}
