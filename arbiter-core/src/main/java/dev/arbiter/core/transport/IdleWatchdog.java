package dev.arbiter.core.transport;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a stream that has been silent too long. One daemon scheduler thread serves every open stream:
 * each read arms a timer and each event disarms it, so a stalled upstream is cut instead of holding a
 * client forever.
 */
final class IdleWatchdog {
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "arbiter-idle-watchdog");
        t.setDaemon(true);
        return t;
    });

    private IdleWatchdog() {
    }

    /** Runs {@code onTimeout} after {@code millis} unless the returned handle is cancelled first. */
    static ScheduledFuture<?> arm(long millis, Runnable onTimeout) {
        return SCHEDULER.schedule(onTimeout, millis, TimeUnit.MILLISECONDS);
    }
}
