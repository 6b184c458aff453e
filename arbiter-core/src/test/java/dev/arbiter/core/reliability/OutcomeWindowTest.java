package dev.arbiter.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The count-based sliding window of call outcomes. */
class OutcomeWindowTest {
    @Test
    void countsFailuresAndSlowCallsOverTheLastNCalls() {
        OutcomeWindow w = new OutcomeWindow(4);
        w.record(true, false);
        w.record(false, true);
        w.record(true, true);
        assertThat(w.calls()).isEqualTo(3);
        assertThat(w.failureRate()).isEqualTo(2 / 3.0);
        assertThat(w.slowRate()).isEqualTo(2 / 3.0);
    }

    @Test
    void theOldestOutcomeIsEvictedWhenFull() {
        OutcomeWindow w = new OutcomeWindow(2);
        w.record(true, true);
        w.record(false, false);
        w.record(false, false);
        assertThat(w.calls()).isEqualTo(2);
        assertThat(w.failureRate()).isZero();
        assertThat(w.slowRate()).isZero();
    }
}
