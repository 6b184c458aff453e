package dev.arbiter.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** An instant source that moves only when told (set in the future, so keys' expiry times lie ahead of Redis's clock). */
final class FakeClock implements InstantSource {
    private volatile Instant now = Instant.parse("2031-05-17T10:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }
}
