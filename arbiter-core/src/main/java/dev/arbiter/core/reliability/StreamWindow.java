package dev.arbiter.core.reliability;

import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-commit window: reads a fresh upstream stream ahead, holding its events back, until enough content arrived
 * to commit (see {@link StreamSettings}). Everything that goes wrong in here — a failure, no first token in time —
 * is thrown, so the caller has seen nothing yet and the attempt can fail over invisibly. The first-token limit is
 * enforced by an alarm that closes the upstream (a stalled read cannot be interrupted any other way) and, for a
 * fake clock, by checking the time after each read.
 */
final class StreamWindow {
    private final StreamSettings settings;
    private final TimeSource time;

    StreamWindow(StreamSettings settings, TimeSource time) {
        this.settings = settings;
        this.time = time;
    }

    /** The stream with its window read ahead; {@code firstTokenBudget} is the first-token limit capped by the deadline. */
    HeldStream hold(EventStream upstream, Duration firstTokenBudget, String upstreamName) {
        long start = time.nanos();
        FirstTokenAlarm alarm = new FirstTokenAlarm(upstream);
        TimeSource.Alarm pending = time.schedule(firstTokenBudget, alarm::fire);
        List<StreamEvent> held = new ArrayList<>();
        int content = 0;
        long firstTokenAt = 0;
        try {
            while (true) {
                StreamEvent e = upstream.next();
                if (content == 0 && time.nanos() - start >= firstTokenBudget.toNanos()) {
                    throw noFirstToken(upstreamName, firstTokenBudget);
                }
                if (e == null) {
                    return new HeldStream(held, upstream, true);
                }
                held.add(e);
                if (isContent(e) && content++ == 0) {
                    pending.cancel();
                    firstTokenAt = time.nanos();
                }
                if (content > 0 && windowClosed(content, firstTokenAt)) {
                    return new HeldStream(held, upstream, false);
                }
            }
        } catch (ArbiterException e) {
            upstream.close();
            throw alarm.fired ? noFirstToken(upstreamName, firstTokenBudget) : e;
        } catch (RuntimeException e) {
            upstream.close();
            throw e;
        } finally {
            pending.cancel();
        }
    }

    private boolean windowClosed(int content, long firstTokenAt) {
        return content >= settings.commitAfterEvents()
                || !settings.commitAfter().isZero() && time.nanos() - firstTokenAt >= settings.commitAfter().toNanos();
    }

    private static boolean isContent(StreamEvent e) {
        return e instanceof StreamEvent.TextDelta || e instanceof StreamEvent.ToolCallDelta || e instanceof StreamEvent.Finish;
    }

    private static ArbiterException noFirstToken(String upstreamName, Duration budget) {
        return new ArbiterException(ErrorKind.PROVIDER_TIMEOUT, "upstream '" + upstreamName + "' sent no first token within "
                + budget.toMillis() + " ms", null, "first_token_timeout", null);
    }

    /** Closes the upstream when the first token is late; the blocked read then fails and is reported as a timeout. */
    private static final class FirstTokenAlarm {
        private final EventStream upstream;
        private volatile boolean fired;

        FirstTokenAlarm(EventStream upstream) {
            this.upstream = upstream;
        }

        void fire() {
            fired = true;
            upstream.close();
        }
    }
}
