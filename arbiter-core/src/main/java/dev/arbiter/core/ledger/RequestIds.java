package dev.arbiter.core.ledger;

import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes request ids: UUID version 7 (RFC 9562), so ids sort by creation time (good for the ledger's primary key
 * index) and are unique across replicas (62 random bits each, since the ledger's sinks treat a repeated id as an
 * already-written row). The bits come from ThreadLocalRandom: they must not collide, not be unguessable, and a
 * SecureRandom read costs a lock and a system call per request. Within one process ids are strictly increasing: the
 * 12-bit {@code rand_a} field is a counter within the millisecond (RFC 9562 method 1), borrowing from the next
 * millisecond when 4096 ids are made in one.
 */
public final class RequestIds {
    private static final RequestIds SYSTEM = new RequestIds(InstantSource.system());

    private final InstantSource clock;
    private final AtomicLong last = new AtomicLong(); // (unix ms << 12) | counter of the last id made

    RequestIds(InstantSource clock) {
        this.clock = clock;
    }

    /** A new id from the system clock. */
    public static String next() {
        return SYSTEM.nextId().toString();
    }

    UUID nextId() {
        long now = clock.millis() << 12;
        long stamp = last.updateAndGet(prev -> Math.max(prev + 1, now));
        long millis = stamp >>> 12;
        long counter = stamp & 0xFFF;
        long msb = (millis << 16) | (0x7L << 12) | counter;
        long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
