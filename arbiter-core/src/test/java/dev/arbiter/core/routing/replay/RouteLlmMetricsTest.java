package dev.arbiter.core.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RouteLlmMetricsTest {

    /**
     * Five rows worked by hand. Sorted scores 0.1..0.9 give qcut edges 0.1, 0.18, 0.26, ..., 0.9; the points
     * (strong %, accuracy %) are (100, 80), (80, 80) ×2, (60, 80) ×3, (40, 60) ×2, (20, 60) ×2 and (0, 40).
     * AUC = 10 + 12 + 14 + 16 + 16 = 68, weak = 40, strong = 80, so APGR = (68 − 40) / (80 − 40) = 0.7;
     * CPT(50%) reads accuracy 60 → 40% strong calls; CPT(80%) reads 72 between (60, 40) and (80, 60) → 52%.
     */
    @Test
    void reproducesAHandComputedFiveRowExample() {
        RouteLlmMetrics.Result r = RouteLlmMetrics.evaluate(
                new double[] {0.9, 0.1, 0.5, 0.7, 0.3},
                new double[] {1, 1, 1, 0, 1},
                new double[] {0, 1, 0, 0, 1});

        assertThat(r.weakAccuracy()).isEqualTo(40.0);
        assertThat(r.strongAccuracy()).isEqualTo(80.0);
        assertThat(r.points()).hasSize(11);
        assertThat(r.points().getFirst().strongPercent()).isZero();
        assertThat(r.points().getFirst().accuracy()).isEqualTo(40.0);
        assertThat(r.points().getLast().strongPercent()).isEqualTo(100.0);
        assertThat(r.apgr()).isCloseTo(0.7, within(1e-12));
        assertThat(r.cpt20()).isCloseTo(8.0, within(1e-9));
        assertThat(r.cpt50()).isCloseTo(40.0, within(1e-9));
        assertThat(r.cpt80()).isCloseTo(52.0, within(1e-9));
    }

    /** Reference values computed with numpy 2.4 (np.percentile as pandas' qcut calls it, np.trapezoid, np.interp). */
    @Test
    void matchesNumpyOnRowsWithTiedScoresAndFractionalOutcomes() {
        int n = 37;
        double[] win = new double[n];
        double[] strong = new double[n];
        double[] weak = new double[n];
        for (int i = 0; i < n; i++) {
            win[i] = ((i * 7919) % 23) / 22.0;
            strong[i] = (i * 31) % 5 != 0 ? 1.0 : 0.0;
            weak[i] = ((i * 13) % 4) / 4.0;
        }

        double[] edges = RouteLlmMetrics.qcutEdges(win, 10);
        RouteLlmMetrics.Result r = RouteLlmMetrics.evaluate(win, strong, weak);

        assertThat(edges).containsExactly(0.0, 0.07272727272727274, 0.19090909090909092, 0.30909090909090914,
                0.38181818181818183, 0.5, 0.6181818181818183, 0.6909090909090908, 0.8090909090909092,
                0.9272727272727272, 1.0);
        assertThat(r.apgr()).isCloseTo(0.5841325196163908, within(1e-12));
        assertThat(r.cpt20()).isCloseTo(13.405405405405403, within(1e-9));
        assertThat(r.cpt50()).isCloseTo(40.54054054054048, within(1e-9));
        assertThat(r.cpt80()).isCloseTo(68.75675675675677, within(1e-9));
    }

    /**
     * A router whose score ignores the row: at a strong share f its expected accuracy is weak + f·(strong − weak),
     * a straight line, and the qcut points run from f = 0 to f = 1, so the trapezoids integrate it exactly and
     * E[APGR] = ½. The spread comes from which rows land on each side: per point about
     * sd(s − w)·√(f(1 − f)/n) / (strong − weak) ≈ 0.63 · 0.5 / √20000 / 0.4 ≈ 0.0056 at f = ½, less after
     * averaging along the curve (numpy gives 0.497–0.503 over five seeds). The seed makes it exact here; the
     * tolerance of 0.02 is over three times the per-point spread, so any seed would pass.
     */
    @Test
    void aRandomRouterComesOutAtAnApgrOfOneHalf() {
        SplittableRandom random = new SplittableRandom(20240611);
        int n = 20_000;
        double[] win = new double[n];
        double[] strong = new double[n];
        double[] weak = new double[n];
        for (int i = 0; i < n; i++) {
            strong[i] = random.nextDouble() < 0.8 ? 1 : 0;
            weak[i] = random.nextDouble() < 0.4 ? 1 : 0;
            win[i] = random.nextDouble();
        }

        RouteLlmMetrics.Result r = RouteLlmMetrics.evaluate(win, strong, weak);

        assertThat(r.apgr()).isCloseTo(0.5, within(0.02));
        assertThat(r.cpt50()).isCloseTo(50.0, within(3.0));
        assertThat(r.cpt80()).isCloseTo(80.0, within(3.0));
    }

    @Test
    void aRouterThatKnowsTheOutcomesBeatsRandomAndReachesTheStrongAccuracyEarly() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 5_000;
        double[] win = new double[n];
        double[] strong = new double[n];
        double[] weak = new double[n];
        for (int i = 0; i < n; i++) {
            strong[i] = random.nextDouble() < 0.8 ? 1 : 0;
            weak[i] = random.nextDouble() < 0.4 ? 1 : 0;
            win[i] = (strong[i] - weak[i] + 1) / 2 + random.nextDouble() * 1e-6;
        }

        RouteLlmMetrics.Result r = RouteLlmMetrics.evaluate(win, strong, weak);

        assertThat(r.apgr()).isGreaterThan(0.8);
        assertThat(r.cpt80()).isLessThan(50.0);
    }

    @Test
    void numpyInterpReadsANonIncreasingCurveTheWayNumpyDoes() {
        assertThat(NumpyInterp.interp(2.5, new double[] {1, 3, 2, 4, 5, 6}, new double[] {10, 20, 30, 40, 50, 60}))
                .isEqualTo(17.5);
        assertThat(NumpyInterp.interp(9.5, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 2, 10, 11},
                new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})).isEqualTo(8.9375);
        assertThat(NumpyInterp.interp(0.5, new double[] {1, 2}, new double[] {5, 6})).isEqualTo(5.0);
        assertThat(NumpyInterp.interp(3, new double[] {1, 2}, new double[] {5, 6})).isEqualTo(6.0);
    }
}
