package dev.arbiter.core.routing.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.TaskType;
import org.junit.jupiter.api.Test;

/** Long prompts are classified by their ask (at the start or the end), not by the bulk in the middle. */
class LongPromptFeaturesTest {
    final HeuristicFeatureExtractor extractor = new HeuristicFeatureExtractor();

    static String agreement(int chars) {
        StringBuilder sb = new StringBuilder();
        int clause = 1;
        while (sb.length() < chars) {
            sb.append(clause++).append(". The Supplier shall deliver the goods to the Customer's premises within ")
                    .append("thirty days of the order date, and the Customer shall inspect them promptly and notify ")
                    .append("the Supplier in writing of any defect.\n");
        }
        return sb.toString();
    }

    @Test
    void aLongDocumentWithTheQuestionAtTheEndIsStillClassifiedByItsQuestion() {
        String prompt = agreement(30_000) + "\n\nWrite a Python function that parses every clause number and its "
                + "deadline in days from the agreement above and returns them as a list of tuples.";
        RequestFeatures f = extractor.extract(prompt);
        assertThat(f.taskType()).isEqualTo(TaskType.CODING);
    }

    @Test
    void aLongDocumentWithTheAskAtTheStartIsClassifiedByItsAsk() {
        String prompt = "Write a Python function that parses every clause number and its deadline in days from the "
                + "agreement below and returns them as a list of tuples.\n\n" + agreement(30_000);
        assertThat(extractor.extract(prompt).taskType()).isEqualTo(TaskType.CODING);
    }

    @Test
    void theClassifiersReadTheHeadAndTailOfALongPrompt() {
        String text = "HEAD " + "x".repeat(10_000) + " TAIL";
        var request = dev.arbiter.core.chat.ChatRequest.builder("auto")
                .messages(java.util.List.of(dev.arbiter.core.chat.Message.user(text))).build();
        String scored = PromptText.scored(request, PromptText.analysed(request));
        assertThat(scored).startsWith("HEAD ").endsWith(" TAIL");
        assertThat(scored.length()).isLessThanOrEqualTo(
                PromptText.SCORED_HEAD_CHARS + PromptText.SCORED_TAIL_CHARS + 4);
    }

    @Test
    void aHugePromptsTokenCountIsNeverBelowTheExactCount() {
        String prompt = agreement(60_000);
        assertThat(extractor.extract(prompt).inputTokens()).isGreaterThanOrEqualTo(TokenEstimator.exact(prompt));
    }
}
