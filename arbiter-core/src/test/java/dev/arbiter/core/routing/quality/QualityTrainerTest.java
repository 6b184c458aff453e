package dev.arbiter.core.routing.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.routing.TaskType;
import dev.arbiter.core.routing.replay.OutcomeRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trainer recovers a known IRT model's orderings, is deterministic, and fits unseen models on top of a base. */
class QualityTrainerTest {
    private static final StubExtractor EXTRACTOR = new StubExtractor();
    private static final List<OutcomeRow> ROWS = SyntheticOutcomes.rows(1500, SyntheticOutcomes.threeModels(), 7, "syn");

    private static QualityProfile base() {
        return new QualityTrainer(EXTRACTOR).fitBase(ROWS, List.of());
    }

    @Test
    void recoversTheOrderingOfDifficulties() {
        QualityProfile profile = base();
        double previous = Double.NEGATIVE_INFINITY;
        for (String word : SyntheticOutcomes.WORDS) {
            double d = profile.difficulty(EXTRACTOR.extract("please answer the question " + word + " talk"));
            assertThat(d).as(word).isGreaterThan(previous);
            previous = d;
        }
    }

    @Test
    void recoversTheOrderingOfAbilitiesPerTaskType() {
        QualityProfile profile = base();
        var chat = EXTRACTOR.extract("answer the question medium talk");
        var code = EXTRACTOR.extract("answer the question medium code");
        assertThat(profile.pSuccess(chat, "strong")).isGreaterThan(profile.pSuccess(chat, "middling"));
        assertThat(profile.pSuccess(chat, "middling")).isGreaterThan(profile.pSuccess(chat, "coder"));
        assertThat(profile.pSuccess(code, "strong")).isGreaterThan(profile.pSuccess(code, "coder"));
        assertThat(profile.pSuccess(code, "coder")).isGreaterThan(profile.pSuccess(code, "middling"));
        assertThat(profile.ability("coder").ability(TaskType.CODING))
                .isGreaterThan(profile.ability("coder").ability(TaskType.CHAT));
    }

    @Test
    void sameInputGivesTheSameProfileBytes() {
        assertThat(base().toJson()).isEqualTo(base().toJson());
    }

    @Test
    void fitLearnsAModelTheBaseHasNeverSeenFromAFewHundredRows() {
        QualityProfile base = base();
        Map<String, double[]> newcomer = Map.of("newcomer", new double[] {0.9, 0.9});
        List<OutcomeRow> few = SyntheticOutcomes.rows(300, newcomer, 11, "new");

        QualityProfile fitted = new QualityTrainer(EXTRACTOR).fit(base, few, List.of());

        assertThat(fitted.models()).containsExactlyInAnyOrder("strong", "middling", "coder", "newcomer");
        assertThat(fitted.ability("strong")).isEqualTo(base.ability("strong"));
        var chat = EXTRACTOR.extract("answer the question medium talk");
        assertThat(fitted.pSuccess(chat, "newcomer")).isBetween(fitted.pSuccess(chat, "middling"),
                fitted.pSuccess(chat, "strong"));
        assertThat(fitted.ability("newcomer").rows()).isEqualTo(300);
        assertThat(fitted.metadata().kind()).isEqualTo("fit");
    }

    @Test
    void aDifficultyFineTuneStaysNearTheBase() {
        QualityProfile base = base();
        List<OutcomeRow> few = SyntheticOutcomes.rows(300, Map.of("newcomer", new double[] {0.5, 0.5}), 3, "new");
        QualityProfile tuned = new QualityTrainer(EXTRACTOR, TrainerOptions.defaults().withTuneDifficulty(true),
                AbilityPrior.population()).fit(base, few, List.of());
        var hard = EXTRACTOR.extract("answer the question brutal talk");
        var easy = EXTRACTOR.extract("answer the question trivial talk");
        assertThat(tuned.difficulty(hard)).isGreaterThan(tuned.difficulty(easy));
        assertThat(tuned.difficulty(hard)).isCloseTo(base.difficulty(hard), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void aBaseWithoutOutcomesIsABadInput() {
        List<OutcomeRow> bare = List.of(new OutcomeRow("1", "", "", "hello", Map.of()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new QualityTrainer(EXTRACTOR).fitBase(bare, List.of()))
                .isInstanceOf(QualityInputException.class).hasMessageContaining("no outcomes");
    }
}
