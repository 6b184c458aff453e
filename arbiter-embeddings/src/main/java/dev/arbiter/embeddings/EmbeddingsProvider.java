package dev.arbiter.embeddings;

import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.FeatureExtractorProvider;
import dev.arbiter.core.routing.features.FeatureExtractors;

/**
 * Contributes the embedding extractor under the name {@code embeddings} (config {@code routing: {embeddings: true}}):
 * the MiniLM encoder and the shipped task classifier over the heuristic extractor.
 */
public final class EmbeddingsProvider implements FeatureExtractorProvider {
    @Override
    public String name() {
        return FeatureExtractors.EMBEDDINGS;
    }

    @Override
    public FeatureExtractor create(FeatureExtractor heuristic) {
        TaskClassifier classifier = TaskClassifier.shipped();
        MiniLmEncoder encoder = MiniLmEncoder.load(classifier.slice().head(), classifier.slice().tail());
        return new EmbeddingFeatureExtractor(heuristic, encoder, classifier, EmbeddingFeatureExtractor.DEFAULT_WEIGHT);
    }
}
