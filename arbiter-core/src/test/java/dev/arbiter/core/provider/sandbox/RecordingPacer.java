package dev.arbiter.core.provider.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A pacer that records every pause instead of sleeping, and can run an action on each (e.g. close a stream). */
final class RecordingPacer implements Pacer {
    private final List<Duration> pauses = new ArrayList<>();
    private Runnable onPause = () -> { };

    @Override
    public void pause(Duration duration) {
        pauses.add(duration);
        onPause.run();
    }

    void onPause(Runnable action) {
        onPause = action;
    }

    List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    Duration total() {
        return pauses.stream().reduce(Duration.ZERO, Duration::plus);
    }

    void clear() {
        pauses.clear();
    }
}
