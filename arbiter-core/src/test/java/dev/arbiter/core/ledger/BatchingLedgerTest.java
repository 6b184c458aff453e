package dev.arbiter.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The batch writer: batches by size and interval, flush and close, retries in order, and a full queue. */
@Timeout(30)
class BatchingLedgerTest {
    private static final Duration LONG = Duration.ofHours(1);

    private final RecordingSink sink = new RecordingSink();
    private final List<Duration> backoffs = Collections.synchronizedList(new ArrayList<>());
    private BatchingLedger ledger;

    @AfterEach
    void close() {
        sink.release();
        if (ledger != null) {
            ledger.close();
        }
    }

    private BatchingLedger ledger(int batchSize, Duration interval, int capacity, Duration offerTimeout) {
        BatchingLedger.Settings settings = new BatchingLedger.Settings(batchSize, interval, capacity, offerTimeout,
                Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(1));
        ledger = new BatchingLedger(sink, settings, d -> {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            backoffs.add(d);
        });
        return ledger;
    }

    private static List<String> ids(List<LedgerEntry> rows) {
        return rows.stream().map(LedgerEntry::requestId).toList();
    }

    @Test
    void writesABatchAsSoonAsBatchSizeRowsWait() throws Exception {
        ledger(3, LONG, 100, Duration.ZERO);
        sink.expectBatches(1);

        for (String id : List.of("a", "b", "c")) {
            ledger.offer(Rows.row(id));
        }

        assertThat(sink.awaitBatches()).isTrue();
        assertThat(sink.batches()).extracting(BatchingLedgerTest::ids).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void writesWhatWaitsOnceTheFlushIntervalHasPassed() throws Exception {
        ledger(1000, Duration.ofMillis(20), 10_000, Duration.ZERO);
        sink.expectBatches(1);

        ledger.offer(Rows.row("a"));
        ledger.offer(Rows.row("b"));

        assertThat(sink.awaitBatches()).isTrue(); // no flush() and far below batch size: the interval did it
        assertThat(sink.rows()).containsExactly("a", "b");
    }

    @Test
    void flushReturnsOnlyOnceEverythingAcceptedIsWritten() throws Exception {
        ledger(100, LONG, 1000, Duration.ZERO);
        for (int i = 0; i < 250; i++) {
            ledger.offer(Rows.row("r" + i));
        }

        ledger.flush();

        assertThat(sink.rows()).hasSize(250).startsWith("r0", "r1").endsWith("r249");
        assertThat(sink.batches()).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(ledger.stats()).isEqualTo(new BatchingLedger.Stats(250, 250, 0, 0, 0));
    }

    @Test
    void closeWritesEverythingQueuedAndClosesTheSink() {
        ledger(100, LONG, 1000, Duration.ZERO);
        ledger.offer(Rows.row("a"));
        ledger.offer(Rows.row("b"));

        ledger.close();

        assertThat(sink.rows()).containsExactly("a", "b");
        assertThat(sink.closed).isTrue();
        assertThat(ledger.offer(Rows.row("late"))).isFalse();
        assertThat(ledger.stats().dropped()).isEqualTo(1);
    }

    @Test
    void retriesAFailingBatchWithGrowingBackoffKeepingItsRowsInOrder() throws Exception {
        ledger(2, LONG, 100, Duration.ZERO);
        sink.failNext(3);

        for (String id : List.of("a", "b", "c", "d")) {
            ledger.offer(Rows.row(id));
        }
        ledger.flush();

        assertThat(sink.rows()).containsExactly("a", "b", "c", "d");
        assertThat(sink.batches()).extracting(BatchingLedgerTest::ids).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(sink.calls.get()).isEqualTo(5);
        assertThat(backoffs).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(ledger.stats().failedWrites()).isEqualTo(3);
    }

    @Test
    void backoffIsCappedAtTheRetryMaximum() {
        ledger(1, LONG, 10, Duration.ZERO);

        assertThat(ledger.backoff(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(ledger.backoff(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ledger.backoff(60)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aFullQueueDropsTheRowAndCountsItInsteadOfBlockingTheRequest() throws Exception {
        ledger(1, LONG, 2, Duration.ZERO);
        sink.hold();
        ledger.offer(Rows.row("a"));
        assertThat(sink.awaitHeld()).isTrue(); // the writer is stuck writing "a"
        assertThat(ledger.offer(Rows.row("b"))).isTrue();
        assertThat(ledger.offer(Rows.row("c"))).isTrue();

        assertThat(ledger.offer(Rows.row("d"))).isFalse();

        assertThat(ledger.stats().dropped()).isEqualTo(1);
        assertThat(ledger.stats().queued()).isEqualTo(2);
        sink.release();
        ledger.flush();
        assertThat(sink.rows()).containsExactly("a", "b", "c");
    }

    @Test
    void anOfferWaitsUpToItsTimeoutForRoomInAFullQueue() throws Exception {
        ledger(1, LONG, 1, Duration.ofSeconds(20));
        sink.hold();
        ledger.offer(Rows.row("a"));
        assertThat(sink.awaitHeld()).isTrue();
        ledger.offer(Rows.row("b")); // fills the queue

        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> ledger.offer(Rows.row("c")));
        sink.release();

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
        ledger.flush();
        assertThat(sink.rows()).containsExactly("a", "b", "c");
    }

    @Test
    void closeGivesUpAfterItsTimeoutOnASinkThatNeverRecoversAndCountsTheLostRows() {
        BatchingLedger.Settings settings = new BatchingLedger.Settings(10, LONG, 100, Duration.ZERO,
                Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1));
        sink.failNext(Integer.MAX_VALUE);
        ledger = new BatchingLedger(sink, settings, d -> Thread.sleep(d));
        ledger.offer(Rows.row("a"));
        ledger.offer(Rows.row("b"));

        ledger.close();

        assertThat(sink.rows()).isEmpty();
        assertThat(ledger.stats().dropped()).isEqualTo(2);
        assertThat(sink.closed).isTrue();
    }

    @Test
    void flushWithATimeoutSaysWhetherEverythingWasWritten() throws Exception {
        ledger(10, LONG, 100, Duration.ZERO);
        sink.hold();
        ledger.offer(Rows.row("a"));

        assertThat(ledger.flush(Duration.ofMillis(20))).isFalse();
        sink.release();
        assertThat(ledger.flush(Duration.ofSeconds(10))).isTrue();
    }

    /** Records batches; can fail the next n writes, or hold the writer inside write until released. */
    static final class RecordingSink implements LedgerSink {
        private final List<List<LedgerEntry>> batches = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicBoolean holding = new AtomicBoolean();
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile CountDownLatch expected = new CountDownLatch(0);
        volatile boolean closed;

        @Override
        public void write(List<LedgerEntry> batch) {
            calls.incrementAndGet();
            if (holding.get()) {
                held.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                throw new IllegalStateException("database down");
            }
            batches.add(List.copyOf(batch));
            expected.countDown();
        }

        @Override
        public void close() {
            closed = true;
        }

        void failNext(int n) {
            failures.set(n);
        }

        void hold() {
            holding.set(true);
        }

        boolean awaitHeld() throws InterruptedException {
            return held.await(10, TimeUnit.SECONDS);
        }

        void release() {
            holding.set(false);
            released.countDown();
        }

        void expectBatches(int n) {
            expected = new CountDownLatch(n);
        }

        boolean awaitBatches() throws InterruptedException {
            return expected.await(10, TimeUnit.SECONDS);
        }

        List<List<LedgerEntry>> batches() {
            return List.copyOf(batches);
        }

        List<String> rows() {
            return batches().stream().flatMap(b -> b.stream().map(LedgerEntry::requestId)).toList();
        }
    }
}
