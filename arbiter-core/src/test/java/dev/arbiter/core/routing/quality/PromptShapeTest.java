package dev.arbiter.core.routing.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ask is the last real paragraph, solved examples before it are counted, and options set the guessing floor. */
class PromptShapeTest {
    private static final String FEW_SHOT = """
            Which of these is a mammal?
            A) shark
            B) whale
            C) trout
            D) eel
            Answer:
            B

            Which planet is closest to the Sun?
            A) Venus
            B) Earth
            C) Mercury
            D) Mars
            Answer:
            C

            Which gas do plants take in to make their food during photosynthesis?
            A) oxygen
            B) nitrogen
            C) carbon dioxide
            D) helium
            Answer:""";

    @Test
    void theAskOfAFewShotPromptIsItsLastQuestion() {
        PromptShape shape = PromptShape.of(FEW_SHOT);
        assertThat(shape.ask()).startsWith("Which gas do plants").endsWith("Answer:");
        assertThat(shape.shots()).isEqualTo(2);
        assertThat(shape.options()).isEqualTo(4);
        assertThat(shape.guessRate()).isEqualTo(0.25);
    }

    @Test
    void aShortLastParagraphTakesInTheOneBefore() {
        PromptShape shape = PromptShape.of("Here is my long question about sorting algorithms and their stability"
                + " in practice today.\n\nThanks!");
        assertThat(shape.ask()).startsWith("Here is my long question");
    }

    @Test
    void aTwoOptionBlankIsAFiftyFiftyGuess() {
        PromptShape shape = PromptShape.of("The trophy does not fit in the suitcase because the _ is too big.\n"
                + "A) trophy\nB) suitcase\nAnswer:");
        assertThat(shape.options()).isEqualTo(2);
        assertThat(shape.guessRate()).isEqualTo(0.5);
        assertThat(DenseFeatures.hasBlank(shape.ask())).isTrue();
    }

    @Test
    void plainQuestionsHaveNoFloorAndNoShots() {
        PromptShape shape = PromptShape.of("Write a function that returns the n-th Fibonacci number.");
        assertThat(shape.options()).isZero();
        assertThat(shape.guessRate()).isZero();
        assertThat(shape.shots()).isZero();
        assertThat(DenseFeatures.hasBlank("snake_case_name")).isFalse();
    }

    @Test
    void aStrayLetteredLineIsNotAChoice() {
        assertThat(PromptShape.of("Notes on the plan:\nb) buy milk\nthen go home and rest for a while.").options())
                .isZero();
    }
}
