package dev.arbiter.core.routing.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    private static final Duration HALF_LIFE = Duration.ofSeconds(60);
    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LatencyStats stats = new LatencyStats(HALF_LIFE, MAX_AGE, nanos::get);

    @Test
    void readsNaNForAKeyWithoutSamples() {
        assertThat(stats.expectedLatencyMs("gpt")).isNaN();
        assertThat(stats.expectedTtftMs("gpt")).isNaN();
    }

    @Test
    void theFirstSampleIsTheExpectedLatency() {
        stats.record("gpt", 420);

        assertThat(stats.expectedLatencyMs("gpt")).isEqualTo(420);
    }

    @Test
    void samplesAtTheSameInstantCountEqually() {
        stats.record("gpt", 100);
        stats.record("gpt", 200);
        stats.record("gpt", 600);

        assertThat(stats.expectedLatencyMs("gpt")).isCloseTo(300, within(1e-9));
    }

    @Test
    void aSampleOneHalfLifeOldCountsHalfAsMuchAsAFreshOne() {
        stats.record("gpt", 100);
        advance(HALF_LIFE);
        stats.record("gpt", 400);

        assertThat(stats.expectedLatencyMs("gpt")).isCloseTo((0.5 * 100 + 400) / 1.5, within(1e-9));
    }

    @Test
    void oldSamplesFadeSoTheMeanFollowsAChangeInSpeed() {
        for (int i = 0; i < 50; i++) {
            stats.record("gpt", 2000);
            advance(Duration.ofSeconds(1));
        }
        for (int i = 0; i < 600; i++) {
            stats.record("gpt", 300);
            advance(Duration.ofSeconds(1));
        }

        // ten half-lives on, the 50 slow samples weigh ~0.04 against ~87 fresh ones
        assertThat(stats.expectedLatencyMs("gpt")).isCloseTo(300, within(5.0));
    }

    @Test
    void readsNaNOnceTheNewestSampleIsOlderThanTheMaxAgeAndRecoversWithANewOne() {
        stats.record("gpt", 500);
        advance(MAX_AGE);
        assertThat(stats.expectedLatencyMs("gpt")).isEqualTo(500);

        advance(Duration.ofNanos(1));
        assertThat(stats.expectedLatencyMs("gpt")).isNaN();

        stats.record("gpt", 800);
        assertThat(stats.expectedLatencyMs("gpt")).isCloseTo(800, within(1.0)); // the stale 500 weighs ~2^-10
    }

    @Test
    void keepsTotalLatencyAndTimeToFirstTokenApart() {
        stats.record("gpt", 3000);
        stats.recordTtft("gpt", 250);

        assertThat(stats.expectedLatencyMs("gpt")).isEqualTo(3000);
        assertThat(stats.expectedTtftMs("gpt")).isEqualTo(250);
        assertThat(stats.expectedLatencyMs("claude")).isNaN();
    }

    @Test
    void ignoresSamplesThatAreNotFiniteNonNegativeNumbers() {
        stats.record("gpt", 100);
        stats.record("gpt", -5);
        stats.record("gpt", Double.NaN);
        stats.record("gpt", Double.POSITIVE_INFINITY);
        stats.recordTtft("gpt", -1);

        assertThat(stats.expectedLatencyMs("gpt")).isEqualTo(100);
        assertThat(stats.expectedTtftMs("gpt")).isNaN();
    }

    @Test
    void theSnapshotListsEveryKeyWithItsMeansDecayedSampleCountsAndAge() {
        stats.record("b", 100);
        stats.record("b", 300);
        stats.recordTtft("b", 50);
        stats.record("a", 700);
        advance(HALF_LIFE);

        var snapshot = stats.snapshot();

        assertThat(snapshot.keySet()).containsExactly("a", "b");
        LatencyReading b = snapshot.get("b");
        assertThat(b.latencyMs()).isEqualTo(200);
        assertThat(b.ttftMs()).isEqualTo(50);
        assertThat(b.latencySamples()).isCloseTo(1.0, within(1e-9));
        assertThat(b.ttftSamples()).isCloseTo(0.5, within(1e-9));
        assertThat(b.latencyAgeMs()).isEqualTo(60_000);
        assertThat(snapshot.get("a").ttftMs()).isNaN();
    }

    @Test
    void forgettingAKeyDropsItsHistory() {
        stats.record("gpt", 100);
        stats.forget("gpt");

        assertThat(stats.expectedLatencyMs("gpt")).isNaN();
        assertThat(stats.snapshot()).isEmpty();
    }

    @Test
    void aSampleReportedLateDoesNotRewindTheClock() {
        stats.record("gpt", 100);
        nanos.addAndGet(-Duration.ofSeconds(30).toNanos());
        stats.record("gpt", 300);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());

        assertThat(stats.expectedLatencyMs("gpt")).isCloseTo(200, within(1e-9));
        assertThat(stats.snapshot().get("gpt").latencyAgeMs()).isZero();
    }

    @Test
    void concurrentWritersLoseNoSample() throws Exception {
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    stats.record(i % 2 == 0 ? "shared" : "own-" + id, id % 2 == 0 ? 100 : 300);
                    stats.recordTtft("shared", 10);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        LatencyReading shared = stats.snapshot().get("shared");
        assertThat(shared.latencySamples()).isEqualTo(threads * perThread / 2.0);
        assertThat(shared.ttftSamples()).isEqualTo(threads * perThread);
        assertThat(shared.latencyMs()).isCloseTo(200, within(1e-6));
        assertThat(stats.snapshot()).hasSize(1 + threads);
    }

    @Test
    void refusesANonPositiveHalfLifeOrMaxAge() {
        assertThatThrownBy(() -> new LatencyStats(Duration.ZERO, MAX_AGE, nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatencyStats(HALF_LIFE, Duration.ofSeconds(-1), nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultStatsRunOnTheSystemClock() {
        LatencyStats live = LatencyStats.create();
        live.record("gpt", 120);

        assertThat(live.expectedLatencyMs("gpt")).isEqualTo(120);
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }
}
