package dev.arbiter.core.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** An instant source that moves only when told; thread-safe so concurrent tests can share it. */
final class FakeClock implements InstantSource {
    private volatile Instant now;

    FakeClock(String start) {
        this.now = Instant.parse(start);
    }

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    void set(String at) {
        now = Instant.parse(at);
    }
}
