package dev.arbiter.core.limits;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One budget period's spend and the reservations held on it, in micro-dollars; not thread-safe (its owner locks).
 * Holds are kept in the order they were taken, which is also their expiry order (one lease length for all).
 */
final class SpendCounter {
    private final Instant expires;
    private long spent;
    private long reserved;
    private final Map<String, Hold> holds = new LinkedHashMap<>();

    private record Hold(long micros, Instant until) {
    }

    SpendCounter(long seededSpend, Instant expires) {
        this.spent = seededSpend;
        this.expires = expires;
    }

    long spent() {
        return spent;
    }

    long reserved() {
        return reserved;
    }

    boolean expired(Instant now) {
        return !now.isBefore(expires);
    }

    /** Whether {@code micros} more fits under {@code limit} next to what is spent and held. */
    boolean fits(long micros, long limit) {
        return spent + reserved + micros <= limit;
    }

    void hold(String id, long micros, Instant until) {
        holds.put(id, new Hold(micros, until));
        reserved += micros;
    }

    /** Gives back the hold {@code id} if it is still held. */
    void drop(String id) {
        Hold h = holds.remove(id);
        if (h != null) {
            reserved -= h.micros();
        }
    }

    /** Adds a real cost; returns the spend before it. */
    long spend(long micros) {
        long before = spent;
        spent += micros;
        return before;
    }

    /** Drops the holds whose lease ended (their process never settled them). */
    void expireHolds(Instant now) {
        for (Iterator<Hold> it = holds.values().iterator(); it.hasNext(); ) {
            Hold h = it.next();
            if (h.until().isAfter(now)) {
                return;
            }
            reserved -= h.micros();
            it.remove();
        }
    }
}
