package dev.arbiter.core.reliability;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Time as the reliability stages see it: a monotonic clock, sleeping, and alarms that fire after a delay (to
 * cut a stalled stream). Injected so tests drive every state machine with a fake clock and never sleep.
 */
public interface TimeSource {
    /** Monotonic nanoseconds (like {@link System#nanoTime()}). */
    long nanos();

    void sleep(Duration duration) throws InterruptedException;

    /** Runs {@code action} once after {@code delay} unless the returned alarm is cancelled first. */
    Alarm schedule(Duration delay, Runnable action);

    /** A pending scheduled action. */
    interface Alarm {
        void cancel();
    }

    static TimeSource system() {
        return SystemTime.INSTANCE;
    }

    /** The real clock; one daemon thread fires every alarm (they only close streams, never block). */
    final class SystemTime implements TimeSource {
        static final SystemTime INSTANCE = new SystemTime();
        private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "arbiter-reliability-timer");
            t.setDaemon(true);
            return t;
        });

        private SystemTime() {
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration);
        }

        @Override
        public Alarm schedule(Duration delay, Runnable action) {
            ScheduledFuture<?> f = TIMER.schedule(action, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }
    }
}
