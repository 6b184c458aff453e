package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.TaskType;
import java.util.Arrays;

/**
 * One model's parameters in the quality model: its overall bias b and its per-task-type abilities a[t] (deviations
 * added in proportion to the request's task mix, in {@link QualityProfile#FACTORS} order), and how many outcome
 * rows they were fitted on (0 for a prior).
 */
public record ModelAbility(float bias, float[] abilities, int rows) {
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

    /** The same abilities with the bias moved by {@code shift} (used by catalog priors). */
    public ModelAbility shifted(double shift) {
        return new ModelAbility((float) (bias + shift), abilities, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelAbility other && bias == other.bias && rows == other.rows
                && Arrays.equals(abilities, other.abilities);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Float.hashCode(bias) + Arrays.hashCode(abilities)) + rows;
    }

    @Override
    public String toString() {
        return "ModelAbility[bias=" + bias + ", abilities=" + Arrays.toString(abilities) + ", rows=" + rows + "]";
    }
}
