package dev.arbiter.core.routing.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.FeatureExtractorProvider;
import dev.arbiter.core.routing.RequestFeatures;
import org.junit.jupiter.api.Test;

class FeatureExtractorsTest {
    /** Registered in this module's test META-INF/services, so ServiceLoader finds it (and only it). */
    public static final class StubProvider implements FeatureExtractorProvider {
        @Override
        public String name() {
            return "stub";
        }

        @Override
        public FeatureExtractor create(FeatureExtractor heuristic) {
            return new Wrapped(heuristic);
        }
    }

    record Wrapped(FeatureExtractor inner) implements FeatureExtractor {
        @Override
        public RequestFeatures extract(ChatRequest request) {
            return inner.extract(request);
        }

        @Override
        public RequestFeatures extract(String prompt) {
            return inner.extract(prompt);
        }
    }

    @Test
    void embeddingsOffGivesTheHeuristicExtractor() {
        assertThat(FeatureExtractors.forConfig(false)).isInstanceOf(HeuristicFeatureExtractor.class);
    }

    @Test
    void embeddingsOnWithoutTheModuleFailsNamingTheModuleAndWhatWasFound() {
        assertThatThrownBy(() -> FeatureExtractors.forConfig(true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("routing.embeddings is on")
                .hasMessageContaining("arbiter-embeddings")
                .hasMessageContaining("found: stub");
    }

    @Test
    void aNamedProviderWrapsTheHeuristicExtractor() {
        HeuristicFeatureExtractor heuristic = new HeuristicFeatureExtractor();
        FeatureExtractor provided = FeatureExtractors.provided("stub", heuristic, getClass().getClassLoader());
        assertThat(provided).isEqualTo(new Wrapped(heuristic));
    }
}
