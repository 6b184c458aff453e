package dev.arbiter.core.provider.sandbox;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.time.Duration;

/** Waits for simulated time to pass; the sandbox sends every delay through one so tests can record instead of sleep. */
@FunctionalInterface
public interface Pacer {

    void pause(Duration duration);

    /** The real pacer: sleeps the calling (virtual) thread; an interrupt ends the simulated call with an error. */
    static Pacer sleeping() {
        return duration -> {
            if (duration.isZero() || duration.isNegative()) {
                return;
            }
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ArbiterException(ErrorKind.PROVIDER_ERROR, "sandbox call was interrupted");
            }
        };
    }
}
