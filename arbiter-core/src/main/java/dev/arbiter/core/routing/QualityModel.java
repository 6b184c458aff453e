package dev.arbiter.core.routing;

import java.util.Set;

/**
 * For a request and a model, the probability that the model's answer is acceptable. Pure and thread-safe;
 * a model it knows nothing about is not in {@link #models()} and must not be asked about.
 */
public interface QualityModel {
    /** Probability in (0, 1) that {@code model} answers the request acceptably. */
    double pSuccess(RequestFeatures features, String model);

    /** The predicted difficulty of the request on the model's logit scale (higher = harder). */
    double difficulty(RequestFeatures features);

    /** The model names this quality model can score. */
    Set<String> models();
}
