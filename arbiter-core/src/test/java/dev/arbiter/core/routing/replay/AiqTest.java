package dev.arbiter.core.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arbiter.core.routing.replay.Aiq.CostQuality;
import java.util.List;
import org.junit.jupiter.api.Test;

class AiqTest {
    private static final CostQuality A = new CostQuality(1, 0.5);
    private static final CostQuality B = new CostQuality(2, 0.6);
    private static final CostQuality C = new CostQuality(3, 0.9);
    private static final CostQuality D = new CostQuality(4, 0.8);

    @Test
    void theHullDropsPointsUnderAChordAndEverythingPastTheBestQuality() {
        assertThat(Aiq.hull(List.of(D, B, C, A))).containsExactly(A, C);
    }

    @Test
    void theHullKeepsTheBetterOfTwoPointsAtTheSameCost() {
        CostQuality better = new CostQuality(1, 0.7);
        assertThat(Aiq.hull(List.of(A, better, C))).containsExactly(better, C);
    }

    /** Over [1, 4]: the chord A→C has area 2 · 0.7 = 1.4, then 0.9 flat to 4 adds 0.9; 2.3 / 3. */
    @Test
    void aiqIsTheAreaUnderTheHullOverTheCostRange() {
        assertThat(Aiq.of(List.of(A, B, C, D))).isCloseTo(2.3 / 3, within(1e-12));
    }

    /** Over [0, 4] the router cannot spend below 1, so [0, 1] adds nothing: 2.3 / 4. */
    @Test
    void costsBelowTheCheapestPointCountAsZeroQuality() {
        assertThat(Aiq.of(List.of(A, B, C, D), 0, 4)).isCloseTo(2.3 / 4, within(1e-12));
    }

    /** Over [2, 5]: the chord from 0.7 at cost 2 to 0.9 at 3 (area 0.8), then 0.9 flat for 2 (area 1.8). */
    @Test
    void aRangeCutsTheHullAndExtendsItFlat() {
        assertThat(Aiq.of(List.of(A, C), 2, 5)).isCloseTo(2.6 / 3, within(1e-12));
    }

    @Test
    void aSinglePointScoresItsQuality() {
        assertThat(Aiq.of(List.of(B))).isEqualTo(0.6);
    }
}
