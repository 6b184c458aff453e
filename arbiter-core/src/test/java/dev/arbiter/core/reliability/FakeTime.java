package dev.arbiter.core.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A clock that moves only when told (or when code sleeps on it): sleeping advances it at once and is recorded,
 * and alarms fire, in order, as time passes them. Lets tests drive every timer and state machine without waiting.
 */
final class FakeTime implements TimeSource {
    private long now = 1_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<Pending> alarms = new ArrayList<>();

    private final class Pending implements Alarm {
        final long at;
        final Runnable action;
        boolean cancelled;

        Pending(long at, Runnable action) {
            this.at = at;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public synchronized long nanos() {
        return now;
    }

    @Override
    public void sleep(Duration duration) {
        synchronized (this) {
            sleeps.add(duration);
        }
        advance(duration);
    }

    @Override
    public synchronized Alarm schedule(Duration delay, Runnable action) {
        Pending p = new Pending(now + delay.toNanos(), action);
        alarms.add(p);
        return p;
    }

    /** Moves the clock on, firing every alarm that falls due on the way. */
    void advance(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toNanos();
        }
        while (true) {
            Pending due;
            synchronized (this) {
                due = alarms.stream().filter(a -> !a.cancelled && a.at <= target)
                        .min(Comparator.comparingLong(a -> a.at)).orElse(null);
                if (due == null) {
                    now = target;
                    return;
                }
                alarms.remove(due);
                now = Math.max(now, due.at);
            }
            due.action.run();
        }
    }

    void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized Duration totalSlept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
