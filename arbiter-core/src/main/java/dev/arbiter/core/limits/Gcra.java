package dev.arbiter.core.limits;

/**
 * The generic cell rate algorithm on one cell, in nanoseconds. A cell allowing {@code L} per minute emits one unit
 * every {@code T = 60 s / L}; its state is the theoretical arrival time {@code tat}. A charge of {@code n} units
 * moves {@code tat} to {@code max(tat, now) + n·T} and passes while that stays within one minute of now, so a full
 * minute's worth may arrive at once (burst = L) and then one per T. A charge larger than a whole minute passes
 * only when the cell is idle ({@code tat ≤ now}); its debit then holds the cell shut for longer.
 * The Redis limiter runs the same arithmetic in Lua (in microseconds).
 */
final class Gcra {
    static final long WINDOW_NANOS = 60_000_000_000L;

    private Gcra() {
    }

    /** Nanoseconds one charge of {@code units} occupies at {@code perMinute}. */
    static long cost(long units, long perMinute) {
        return (long) Math.ceil((double) units * WINDOW_NANOS / perMinute);
    }

    /** A charge's result: whether it passes, the cell's new tat if so, else how long to wait before it would. */
    record Charge(boolean passed, long tat, long waitNanos) {
    }

    static Charge charge(long tat, long now, long units, long perMinute) {
        long c = cost(units, perMinute);
        long start = Math.max(tat, now);
        long next = start + c;
        if (next - now <= WINDOW_NANOS || start == now) {
            return new Charge(true, next, 0);
        }
        long wait = c > WINDOW_NANOS ? start - now : next - WINDOW_NANOS - now;
        return new Charge(false, tat, Math.max(1, wait));
    }
}
