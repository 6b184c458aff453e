package dev.arbiter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arbiter.core.routing.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxTrainerTest {
    private static final TaskClassifier.Slice SLICE = new TaskClassifier.Slice(96, 32);

    @Test
    void learnsThreeSeparableClusters() {
        List<SoftmaxTrainer.Example> examples = new ArrayList<>();
        Random r = new Random(7);
        TaskType[] types = {TaskType.CODING, TaskType.MATH, TaskType.CHAT};
        for (int i = 0; i < 90; i++) {
            int c = i % 3;
            float[] x = new float[4];
            x[c] = 1f;
            x[3] = (float) r.nextGaussian() * 0.1f;
            examples.add(new SoftmaxTrainer.Example(x, types[c], "g" + c));
        }
        TaskClassifier classifier = SoftmaxTrainer.defaults().train(examples, SLICE, "toy");
        for (int c = 0; c < 3; c++) {
            float[] x = new float[4];
            x[c] = 1f;
            double[] p = classifier.probabilities(x);
            assertThat(p[classifier.classes().indexOf(types[c])]).isGreaterThan(0.9);
        }
    }

    @Test
    void everyClassWeighsTheSameAndEveryGroupInsideItToo() {
        float[] x = {1f};
        List<SoftmaxTrainer.Example> examples = List.of(
                new SoftmaxTrainer.Example(x, TaskType.CODING, "big"),
                new SoftmaxTrainer.Example(x, TaskType.CODING, "big"),
                new SoftmaxTrainer.Example(x, TaskType.CODING, "big"),
                new SoftmaxTrainer.Example(x, TaskType.CODING, "small"),
                new SoftmaxTrainer.Example(x, TaskType.CHAT, "only"));
        double[] w = SoftmaxTrainer.balancedWeights(examples);
        assertThat(w[0] + w[1] + w[2]).isCloseTo(w[3], within(1e-12));
        assertThat(w[0] + w[1] + w[2] + w[3]).isCloseTo(w[4], within(1e-12));
        assertThat(w[0] + w[1] + w[2] + w[3] + w[4]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void trainingIsDeterministic() {
        List<SoftmaxTrainer.Example> examples = List.of(
                new SoftmaxTrainer.Example(new float[] {1f, 0f}, TaskType.CODING, "a"),
                new SoftmaxTrainer.Example(new float[] {0f, 1f}, TaskType.CHAT, "b"));
        assertThat(SoftmaxTrainer.defaults().train(examples, SLICE, "x").toJson())
                .isEqualTo(SoftmaxTrainer.defaults().train(examples, SLICE, "x").toJson());
    }
}
