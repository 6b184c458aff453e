package dev.arbiter.core.routing.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.routing.replay.OutcomeRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One benchmark item is recognised across files that format it differently, and its copies leave the fold. */
class ItemStemTest {
    private static final String FIVE_SHOT = """
            Which planet is closest to the Sun?
            A) Venus
            B) Mercury
            Answer:
            B

            Which gas do plants take in to make their food during photosynthesis?
            A) oxygen
            B) carbon dioxide
            Print only a single choice from "A" or "B" without explanation.
            Answer:""";

    @Test
    void aFewShotPromptAndABareQuestionOfTheSameItemShareAStem() {
        String bare = "Question:Which gas do plants take in to make their food during photosynthesis?\nAnswer:";
        assertThat(ItemStem.of(FIVE_SHOT)).isEqualTo(ItemStem.of(bare))
                .isEqualTo("whichgasdoplantstakeintomaketheirfoodduringphotosynthesis");
    }

    @Test
    void aDocstringFenceDoesNotHideTheTask() {
        String fenced = "\"\"\"\nWrite a function to find the shared elements from the given two lists.\n"
                + "assert similar_elements((3, 4), (5, 4)) == (4,)\n\"\"\"\n";
        assertThat(ItemStem.of(fenced))
                .isEqualTo(ItemStem.of("Write a function to find the shared elements from the given two lists."));
    }

    @Test
    void aShortOrNonLatinLineIsTooGenericSoTheWholePromptIsTheKey() {
        assertThat(ItemStem.of("Hi there\n\nAnswer:")).isEqualTo("Hi there\n\nAnswer:");
        assertThat(ItemStem.of("下列哪一项是哺乳动物？")).isEqualTo("下列哪一项是哺乳动物？");
    }

    @Test
    void copiesOfHeldOutItemsInOtherFilesAreLeftOutOfTraining() {
        OutcomeRow held = row("rb/arc.1", "rb", "arc", FIVE_SHOT);
        OutcomeRow copy = row("o7/arc.9", "o7", "arc",
                "Question:Which gas do plants take in to make their food during photosynthesis?\nAnswer:");
        OutcomeRow other = row("o7/arc.10", "o7", "arc", "Question:Which planet has the most moons of all?\nAnswer:");
        assertThat(TaskHoldout.trainingRows(List.of(held, copy, other), "rb/arc", List.of(held)))
                .containsExactly(other);
    }

    private static OutcomeRow row(String id, String source, String task, String prompt) {
        return OutcomeRow.ofScores(id, source, task, prompt, Map.of("m", 1.0));
    }
}
