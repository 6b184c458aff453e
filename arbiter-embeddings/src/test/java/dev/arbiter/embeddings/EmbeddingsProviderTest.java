package dev.arbiter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.TaskType;
import dev.arbiter.core.routing.features.FeatureExtractors;
import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real model and the shipped classifier, found the way the gateway finds them (loads the ONNX model once). */
class EmbeddingsProviderTest {
    static FeatureExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = FeatureExtractors.forConfig(true);
    }

    @Test
    void configWithEmbeddingsOnFindsThisModulesExtractor() {
        assertThat(extractor).isInstanceOf(EmbeddingFeatureExtractor.class);
    }

    @Test
    void aStoryPromptTheHeuristicCallsChatComesOutCreative() {
        String prompt = "Write a short horror story that takes place entirely in an elevator.";
        assertThat(new HeuristicFeatureExtractor().extract(prompt).taskType()).isEqualTo(TaskType.CHAT);
        assertThat(extractor.extract(prompt).taskType()).isEqualTo(TaskType.CREATIVE);
    }

    @Test
    void everydayChatStaysChat() {
        assertThat(extractor.extract("What's a good gift for my sister who just moved to Berlin?").taskType())
                .isEqualTo(TaskType.CHAT);
    }

    @Test
    void embeddingsAreUnitLengthAndCloserForRelatedTexts() {
        MiniLmEncoder encoder = MiniLmEncoder.load();
        float[] a = encoder.embed("How do I sort a list in Python?");
        float[] b = encoder.embed("Sorting a Python list: what is the best way?");
        float[] c = encoder.embed("Write a poem about the autumn sea.");
        assertThat(dot(a, a)).isCloseTo(1.0, within(1e-5));
        assertThat(dot(a, b)).isGreaterThan(dot(a, c) + 0.2);
    }

    private static double dot(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
