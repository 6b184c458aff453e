package dev.arbiter.core.ledger;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes ledger entries off the request path: {@link #offer} puts a row in a bounded in-memory queue, and one
 * daemon writer thread hands rows to the {@link LedgerSink} in order, a batch at a time, as soon as
 * {@code batchSize} rows wait or {@code flushInterval} has passed since the oldest waiting row arrived (so a crash
 * loses at most about one flush interval of rows). A failing batch is retried, same rows in the same order, with
 * exponential backoff until it succeeds or the ledger is closed; meanwhile new rows queue up. When the queue is
 * full, {@link #offer} waits at most {@code offerTimeout} for room, then drops the row, counts it and logs (the
 * first drop and every 1000th): the request path never blocks for longer. {@link #flush} waits until every row
 * accepted before it is written; {@link #close} flushes everything within {@code closeTimeout}, then closes the sink.
 */
public final class BatchingLedger implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BatchingLedger.class.getName());

    /** How the writer batches and how long callers may wait; see {@link #defaults}. */
    public record Settings(int batchSize, Duration flushInterval, int queueCapacity, Duration offerTimeout,
                           Duration closeTimeout, Duration retryBase, Duration retryMax) {
        public Settings {
            if (batchSize < 1 || queueCapacity < batchSize) {
                throw new IllegalArgumentException("need 1 <= batch size <= queue capacity, got " + batchSize
                        + " and " + queueCapacity);
            }
            if (flushInterval.isNegative() || flushInterval.isZero()) {
                throw new IllegalArgumentException("flush interval must be positive, got " + flushInterval);
            }
        }

        /** Waits at most 5 ms for room in a full queue, 30 s to flush on close; retries from 100 ms up to 30 s apart. */
        public static Settings defaults(int batchSize, Duration flushInterval, int queueCapacity) {
            return new Settings(batchSize, flushInterval, queueCapacity, Duration.ofMillis(5), Duration.ofSeconds(30),
                    Duration.ofMillis(100), Duration.ofSeconds(30));
        }
    }

    /** Counters for metrics: rows accepted, written and dropped (full queue, closed, or lost at close), failed batch writes, rows waiting. */
    public record Stats(long accepted, long written, long dropped, long failedWrites, int queued) {
    }

    /** How the writer waits between retries (a fake in tests). */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final LedgerSink sink;
    private final Settings settings;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();     // the writer waits here for rows, a flush or close
    private final Condition room = lock.newCondition();     // offers wait here when the queue is full
    private final Condition progress = lock.newCondition(); // flushes and close wait here for rows to be written
    private final ArrayDeque<Queued> queue;
    private final Thread writer;
    private long accepted;
    private long written;
    private long dropped;
    private long failedWrites;
    private long flushTarget; // rows up to this count must be written without waiting for the interval
    private boolean closing;
    private boolean closed;
    private boolean stopped; // the writer thread has ended

    public BatchingLedger(LedgerSink sink, Settings settings) {
        this(sink, settings, Thread::sleep);
    }

    BatchingLedger(LedgerSink sink, Settings settings, Sleeper sleeper) {
        this.sink = sink;
        this.settings = settings;
        this.sleeper = sleeper;
        this.queue = new ArrayDeque<>(Math.min(settings.queueCapacity(), 1024));
        this.writer = Thread.ofPlatform().daemon().name("arbiter-ledger-writer").unstarted(new WriterLoop(this));
        writer.start();
    }

    /** Queues a row; false when it was dropped (queue still full after the offer timeout, or the ledger closed). */
    public boolean offer(LedgerEntry entry) {
        long waitNanos = settings.offerTimeout().toNanos();
        lock.lock();
        try {
            while (!closing && !stopped && queue.size() >= settings.queueCapacity()) {
                if (waitNanos <= 0) {
                    return drop("the ledger queue is full (" + settings.queueCapacity() + " rows)");
                }
                waitNanos = room.awaitNanos(waitNanos);
            }
            if (closing || stopped) {
                return drop("the ledger is closed");
            }
            queue.addLast(new Queued(entry, System.nanoTime()));
            accepted++;
            if (queue.size() == 1 || queue.size() == settings.batchSize()) {
                wake.signal(); // the oldest row starts the interval; a full batch goes at once
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return drop("the request thread was interrupted while the ledger queue was full");
        } finally {
            lock.unlock();
        }
    }

    private boolean drop(String why) {
        dropped++;
        if (dropped == 1 || dropped % 1000 == 0) {
            LOG.log(Level.ERROR, "ledger row dropped: " + why + "; " + dropped + " dropped so far");
        }
        return false;
    }

    /** Blocks until every row accepted before this call is written. */
    public void flush() throws InterruptedException {
        lock.lock();
        try {
            long target = requestFlush();
            while (written < target && !stopped) {
                progress.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Like {@link #flush()} but gives up after {@code timeout}; true when everything accepted before was written. */
    public boolean flush(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            long target = requestFlush();
            while (written < target && !stopped) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = progress.awaitNanos(nanos);
            }
            return written >= target;
        } finally {
            lock.unlock();
        }
    }

    private long requestFlush() {
        flushTarget = Math.max(flushTarget, accepted);
        wake.signal();
        return accepted;
    }

    /** Stops accepting rows, writes every queued one (waiting at most {@code closeTimeout}), then closes the sink. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closing = true;
            flushTarget = accepted;
            wake.signal();
            room.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            if (!writer.join(settings.closeTimeout())) {
                writer.interrupt();
                writer.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            writer.interrupt();
            Thread.currentThread().interrupt();
        }
        countLostAtClose();
        sink.close();
    }

    private void countLostAtClose() {
        lock.lock();
        try {
            long lost = accepted - written;
            if (lost > 0) {
                dropped += lost;
                queue.clear();
                LOG.log(Level.ERROR, "the ledger closed with " + lost + " rows unwritten (the sink kept failing or"
                        + " was too slow for the close timeout of " + settings.closeTimeout().toMillis() + " ms)");
            }
        } finally {
            lock.unlock();
        }
    }

    public Stats stats() {
        lock.lock();
        try {
            return new Stats(accepted, written, dropped, failedWrites, queue.size());
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next batch to write, waiting for rows, a full batch, the flush interval, a flush or close; null once
     * closing with nothing left.
     */
    List<LedgerEntry> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closing) {
                    return null;
                }
                wake.await();
            }
            long due = queue.peekFirst().at() + settings.flushInterval().toNanos();
            long nanos = due - System.nanoTime();
            while (queue.size() < settings.batchSize() && !closing && flushTarget <= written && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
            List<LedgerEntry> batch = new ArrayList<>(Math.min(queue.size(), settings.batchSize()));
            while (batch.size() < settings.batchSize() && !queue.isEmpty()) {
                batch.add(queue.pollFirst().entry());
            }
            room.signalAll();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Writes one batch, retrying it with backoff until it succeeds; interrupted (close timed out) = given up. */
    void write(List<LedgerEntry> batch) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                sink.write(batch);
                break;
            } catch (RuntimeException e) {
                countFailure(batch.size(), attempt, e);
                sleeper.sleep(backoff(attempt));
            }
        }
        lock.lock();
        try {
            written += batch.size();
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void countFailure(int rows, int attempt, RuntimeException e) {
        lock.lock();
        try {
            failedWrites++;
        } finally {
            lock.unlock();
        }
        LOG.log(Level.WARNING, "writing " + rows + " ledger rows failed (attempt " + (attempt + 1)
                + "); retrying in up to " + backoff(attempt).toMillis() + " ms", e);
    }

    /** base × 2^attempt, capped at retryMax. */
    Duration backoff(int attempt) {
        Duration delay = settings.retryBase();
        for (int i = 0; i < attempt && delay.compareTo(settings.retryMax()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : delay;
    }

    /** Called by the writer when it stops, so nobody waits on a flush forever. */
    void stopped() {
        lock.lock();
        try {
            stopped = true;
            progress.signalAll();
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A waiting row and when it arrived (nanoTime), which starts its batch's flush interval. */
    private record Queued(LedgerEntry entry, long at) {
    }

    /** The writer thread's loop. */
    private record WriterLoop(BatchingLedger ledger) implements Runnable {
        @Override
        public void run() {
            try {
                for (List<LedgerEntry> batch = ledger.nextBatch(); batch != null; batch = ledger.nextBatch()) {
                    ledger.write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // close gave up waiting; what is left is counted as lost
            } catch (RuntimeException | Error e) {
                LOG.log(Level.ERROR, "the ledger writer stopped unexpectedly", e);
            } finally {
                ledger.stopped();
            }
        }
    }
}
