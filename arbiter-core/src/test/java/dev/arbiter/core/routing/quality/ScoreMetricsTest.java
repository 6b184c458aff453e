package dev.arbiter.core.routing.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The evaluation metrics agree with hand-computed values. */
class ScoreMetricsTest {
    @Test
    void computesLogLossBrierAndAucByHand() {
        ScoreMetrics m = new ScoreMetrics();
        m.add(0.8, 1);
        m.add(0.4, 0);
        m.add(0.6, 0);
        m.add(0.6, 1);
        // log-loss: -(ln .8 + ln .6 + ln .4 + ln .6) / 4
        assertThat(m.logLoss()).isCloseTo(-(Math.log(0.8) + Math.log(0.6) + Math.log(0.4) + Math.log(0.6)) / 4,
                within(1e-12));
        assertThat(m.brier()).isCloseTo((0.04 + 0.16 + 0.36 + 0.16) / 4, within(1e-12));
        // positives {0.8, 0.6}, negatives {0.4, 0.6}: pairs won 1 + 1 + 1 + 0.5 (tie) of 4
        assertThat(m.auc()).isCloseTo(3.5 / 4, within(1e-12));
    }

    @Test
    void softLabelsCountTowardLogLoss() {
        ScoreMetrics m = new ScoreMetrics();
        m.add(0.5, 0.5);
        assertThat(m.logLoss()).isCloseTo(Math.log(2), within(1e-12));
        assertThat(m.auc()).isNaN();
    }
}
