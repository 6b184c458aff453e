package dev.arbiter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddingFeatureExtractorTest {
    /** Embeds "poem" texts as (1, 0) and everything else as (0, 1); records what it was asked to embed. */
    static final class StubEncoder implements SentenceEncoder {
        final List<String> seen = new ArrayList<>();

        @Override
        public String id() {
            return "stub";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] embed(String text) {
            seen.add(text);
            return text.contains("poem") ? new float[] {1f, 0f} : new float[] {0f, 1f};
        }
    }

    /** A heuristic stand-in that always answers the same features. */
    record Fixed(RequestFeatures features) implements FeatureExtractor {
        @Override
        public RequestFeatures extract(ChatRequest request) {
            return features;
        }

        @Override
        public RequestFeatures extract(String prompt) {
            return features;
        }
    }

    /** Knows CREATIVE and CHAT: a "poem" embedding is creative with p ≈ 0.9975. */
    static final TaskClassifier CLASSIFIER = new TaskClassifier(List.of(TaskType.CREATIVE, TaskType.CHAT),
            new float[][] {{3f, -3f}, {-3f, 3f}}, new float[] {0f, 0f}, new TaskClassifier.Slice(96, 32), "test");

    final StubEncoder encoder = new StubEncoder();

    static RequestFeatures features(TaskType top, Map<TaskType, Double> mix, String language) {
        return new RequestFeatures(top, mix, language, 20, 4096, false, false, false, "text");
    }

    EmbeddingFeatureExtractor extractor(RequestFeatures heuristic, double weight) {
        return new EmbeddingFeatureExtractor(new Fixed(heuristic), encoder, CLASSIFIER, weight);
    }

    @Test
    void aConfidentClassifierTurnsAWeakChatFallbackIntoCreative() {
        RequestFeatures weak = features(TaskType.CHAT, Map.of(TaskType.CHAT, 0.5, TaskType.CREATIVE, 0.3,
                TaskType.MATH, 0.2), "en");
        RequestFeatures sharpened = extractor(weak, 0.3).extract("write a poem about rain");
        assertThat(sharpened.taskType()).isEqualTo(TaskType.CREATIVE);
        assertThat(sharpened.taskMix().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void massOnTypesTheClassifierDoesNotKnowStaysWhereTheHeuristicPutIt() {
        RequestFeatures mixed = features(TaskType.CHAT, Map.of(TaskType.CHAT, 0.4, TaskType.CREATIVE, 0.2,
                TaskType.VISION, 0.4), "en");
        RequestFeatures sharpened = extractor(mixed, 0.3).extract("a poem about this picture");
        assertThat(sharpened.taskMix().get(TaskType.VISION)).isEqualTo(0.4);
        assertThat(sharpened.taskMix().get(TaskType.CHAT) + sharpened.taskMix().get(TaskType.CREATIVE))
                .isCloseTo(0.6, within(1e-9));
    }

    @Test
    void aHeuristicSureOfItsTypeIsNotEmbeddedAtAll() {
        RequestFeatures sure = features(TaskType.CODING, Map.of(TaskType.CODING, 0.8, TaskType.CHAT, 0.2), "en");
        assertThat(extractor(sure, 0.3).extract("a poem in Python")).isSameAs(sure);
        assertThat(encoder.seen).isEmpty();
    }

    @Test
    void aNonEnglishPromptIsLeftToTheHeuristic() {
        RequestFeatures chinese = features(TaskType.CHAT, Map.of(TaskType.CHAT, 0.5, TaskType.CREATIVE, 0.5), "zh");
        assertThat(extractor(chinese, 0.3).extract("写一首关于雨的诗")).isSameAs(chinese);
        assertThat(encoder.seen).isEmpty();
    }

    @Test
    void theLastUserMessageIsWhatGetsEmbedded() {
        RequestFeatures weak = features(TaskType.CHAT, Map.of(TaskType.CHAT, 0.6, TaskType.CREATIVE, 0.4), "en");
        ChatRequest request = ChatRequest.builder("auto").messages(Message.system("You are a poet's assistant."),
                Message.user("hello"), Message.assistant("hi"), Message.user("now a poem please")).build();
        extractor(weak, 0.3).extract(request);
        assertThat(encoder.seen).containsExactly("now a poem please");
    }

    @Test
    void weightZeroChangesNothing() {
        RequestFeatures weak = features(TaskType.CHAT, Map.of(TaskType.CHAT, 0.6, TaskType.CREATIVE, 0.4), "en");
        assertThat(extractor(weak, 0).extract("a poem")).isSameAs(weak);
    }
}
