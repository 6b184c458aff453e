package dev.arbiter.core.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three rows, models a (cost 1), b (2), c (10): a solves row 0, b row 1, c all three. Means: a ⅓, b ⅓, c 1.
 */
class MetricsTest {
    private final ReplayTable table = ReplayTable.of(List.of("a", "b", "c"),
            new double[][] {{1, 0, 1}, {0, 1, 1}, {0, 0, 1}},
            new double[][] {{1, 2, 10}, {1, 2, 10}, {1, 2, 10}});

    @Test
    void summarisesQualityCostAndSharesOfTheChosenModels() {
        RouterSummary s = Metrics.summarise("r", table, new int[] {0, 0, 2});

        assertThat(s.quality()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.costTotal()).isEqualTo(12.0);
        assertThat(s.costMean()).isEqualTo(4.0);
        assertThat(s.shares()).containsEntry("a", 2.0 / 3).containsEntry("b", 0.0).containsEntry("c", 1.0 / 3);
    }

    @Test
    void alwaysBestIsTheModelWithTheHighestMeanScore() {
        RouterSummary s = Metrics.alwaysBest(table);

        assertThat(s.model()).isEqualTo("c");
        assertThat(s.quality()).isEqualTo(1.0);
        assertThat(s.costTotal()).isEqualTo(30.0);
    }

    @Test
    void alwaysCheapestIsTheModelWithTheLowestTotalCost() {
        RouterSummary s = Metrics.alwaysCheapest(table);

        assertThat(s.model()).isEqualTo("a");
        assertThat(s.quality()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(s.costMean()).isEqualTo(1.0);
    }

    @Test
    void randomIsTheExpectedValueOverModels() {
        RouterSummary s = Metrics.random(table);

        assertThat(s.quality()).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(s.costTotal()).isCloseTo(13.0, within(1e-12));
        assertThat(s.costMean()).isCloseTo(13.0 / 3, within(1e-12));
        assertThat(s.shares().values()).allSatisfy(v -> assertThat(v).isCloseTo(1.0 / 3, within(1e-12)));
    }

    @Test
    void theOraclePicksTheCheapestModelWithEachRowsBestScore() {
        RouterSummary s = Metrics.oracle(table);

        assertThat(s.quality()).isEqualTo(1.0);
        assertThat(s.costTotal()).isEqualTo(13.0);
        assertThat(s.shares()).containsEntry("a", 1.0 / 3).containsEntry("b", 1.0 / 3).containsEntry("c", 1.0 / 3);
    }

    @Test
    void alwaysBestBreaksATieOnScoreByTheCheaperModel() {
        ReplayTable tie = ReplayTable.of(List.of("dear", "thrifty"),
                new double[][] {{1, 1}, {0, 0}}, new double[][] {{5, 1}, {5, 1}});

        assertThat(Metrics.alwaysBest(tie).model()).isEqualTo("thrifty");
    }
}
