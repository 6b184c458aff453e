package dev.arbiter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.arbiter.core.routing.TaskType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskClassifierTest {
    static TaskClassifier twoByTwo() {
        return new TaskClassifier(List.of(TaskType.CODING, TaskType.CHAT),
                new float[][] {{2f, 0f}, {0f, 2f}}, new float[] {0f, 0f}, new TaskClassifier.Slice(96, 32), "test");
    }

    @Test
    void probabilitiesSumToOneAndFavourTheAlignedClass() {
        double[] p = twoByTwo().probabilities(new float[] {1f, 0f});
        assertThat(p[0] + p[1]).isCloseTo(1.0, within(1e-12));
        assertThat(p[0]).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-9));
    }

    @Test
    void jsonRoundTripKeepsClassesSliceAndProbabilities() {
        TaskClassifier back = TaskClassifier.fromJson(twoByTwo().toJson());
        assertThat(back.classes()).containsExactly(TaskType.CODING, TaskType.CHAT);
        assertThat(back.slice()).isEqualTo(new TaskClassifier.Slice(96, 32));
        assertThat(back.probabilities(new float[] {0.3f, 0.7f}))
                .containsExactly(twoByTwo().probabilities(new float[] {0.3f, 0.7f}), within(1e-7));
    }

    @Test
    void anotherVersionIsRejectedWithAClearMessage() {
        String json = new String(twoByTwo().toJson(), StandardCharsets.UTF_8).replace("\"version\":1", "\"version\":9");
        assertThatThrownBy(() -> TaskClassifier.fromJson(json.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("version 9");
    }

    @Test
    void anEmbeddingOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> twoByTwo().probabilities(new float[3])).hasMessageContaining("2-d");
    }

    @Test
    void theShippedClassifierCoversTheTextDrivenTaskTypes() {
        TaskClassifier shipped = TaskClassifier.shipped();
        assertThat(shipped.classes()).containsExactlyInAnyOrder(TaskType.CODING, TaskType.MATH, TaskType.SCIENCE,
                TaskType.EXTRACTION, TaskType.CREATIVE, TaskType.CHAT);
        assertThat(shipped.dimension()).isEqualTo(384);
        assertThat(shipped.slice()).isEqualTo(new TaskClassifier.Slice(MiniLmEncoder.HEAD_CHARS,
                MiniLmEncoder.TAIL_CHARS));
    }
}
