package dev.arbiter.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exponential backoff with full jitter. */
class BackoffTest {
    private final RetrySettings settings = new RetrySettings(5, Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(5));
    private final Backoff backoff = new Backoff(settings, new SplittableRandom(7));

    @Test
    void theCeilingDoublesFromTheBaseUpToTheMaximum() {
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(62)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void eachDelayIsDrawnUniformlyBetweenZeroAndTheCeiling() {
        long sum = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            Duration d = backoff.delay(2);
            assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(400));
            sum += d.toMillis();
        }
        assertThat(sum / (double) n).isBetween(180.0, 220.0); // mean of U[0, 400]
    }
}
