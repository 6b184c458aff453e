package dev.arbiter.core.routing;

/**
 * A feature extractor contributed by an optional module (such as {@code arbiter-embeddings}), found with
 * {@link java.util.ServiceLoader} only when the configuration asks for it by {@link #name()}.
 *
 * <p>Implementations list themselves in {@code META-INF/services/dev.arbiter.core.routing.FeatureExtractorProvider}.
 */
public interface FeatureExtractorProvider {
    /** The name the configuration turns this provider on with, e.g. {@code "embeddings"}. */
    String name();

    /** Builds the extractor, typically a decorator of {@code heuristic}; may load models, so call it once at start-up. */
    FeatureExtractor create(FeatureExtractor heuristic);
}
