package dev.arbiter.testing.chaos;

import dev.arbiter.testing.fake.RecordedRequest;
import dev.arbiter.testing.fake.ScriptedReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A fake upstream's script for chaos runs: each request draws, from a seeded source, whether it fails; the failing
 * ones take the faults in turn, so every kind shows up evenly even in a short run.
 * Streamed requests can get any fault (429 with Retry-After, 500, 503, a reset before or in the middle of the
 * stream, a stall before the first event or midway, a garbled event); plain ones the faults a plain answer can
 * have (429, 500, 503, a reset, an answer slower than the gateway waits). Modes switch the whole upstream to
 * failing every call (a blackout) or to never failing. Counts every fault it injects. Thread-safe.
 */
public final class FaultPlan implements Function<RecordedRequest, ScriptedReply> {
    /** What the upstream does to the requests it gets. */
    public enum Mode { FAULTY, BLACKOUT, CLEAN }

    /** The faults a plan injects. */
    public enum Fault {
        RATE_LIMITED, SERVER_ERROR, UNAVAILABLE, RESET_BEFORE_RESPONSE, RESET_MID_STREAM, STALL_BEFORE_FIRST_EVENT,
        STALL_MID_STREAM, GARBLED_EVENT, SLOW_ANSWER, BLACKOUT
    }

    private static final List<Fault> STREAM_FAULTS = List.of(Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.UNAVAILABLE,
            Fault.RESET_BEFORE_RESPONSE, Fault.RESET_MID_STREAM, Fault.STALL_BEFORE_FIRST_EVENT, Fault.STALL_MID_STREAM,
            Fault.GARBLED_EVENT);
    private static final List<Fault> PLAIN_FAULTS = List.of(Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.UNAVAILABLE,
            Fault.RESET_BEFORE_RESPONSE, Fault.SLOW_ANSWER);

    private final double rate;
    private final SplittableRandom random;
    private final ScriptedReply success;
    private final Duration retryAfter;
    private final Duration slowAnswer;
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong streamTurn = new AtomicLong();
    private final AtomicLong plainTurn = new AtomicLong();
    private volatile Mode mode = Mode.FAULTY;

    /**
     * {@code rate}: the share of requests that get a fault; {@code success}: the answer otherwise;
     * {@code retryAfter}: the 429s' hint; {@code slowAnswer}: how late a "slow" plain answer starts.
     */
    public FaultPlan(double rate, long seed, ScriptedReply success, Duration retryAfter, Duration slowAnswer) {
        this.rate = rate;
        this.random = new SplittableRandom(seed);
        this.success = success;
        this.retryAfter = retryAfter;
        this.slowAnswer = slowAnswer;
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicLong());
        }
    }

    public void mode(Mode newMode) {
        this.mode = newMode;
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public ScriptedReply apply(RecordedRequest request) {
        answered.incrementAndGet();
        if (mode == Mode.BLACKOUT) {
            return count(Fault.BLACKOUT, ScriptedReply.error(503, "blackout: the upstream is down"));
        }
        boolean streaming = request.body() != null && request.body().path("stream").asBoolean(false);
        List<Fault> menu = streaming ? STREAM_FAULTS : PLAIN_FAULTS;
        double draw;
        synchronized (random) {
            draw = random.nextDouble();
        }
        if (mode == Mode.CLEAN || draw >= rate) {
            return success;
        }
        long turn = (streaming ? streamTurn : plainTurn).getAndIncrement();
        Fault fault = menu.get((int) (turn % menu.size()));
        return count(fault, reply(fault));
    }

    private ScriptedReply reply(Fault fault) {
        return switch (fault) {
            case RATE_LIMITED -> ScriptedReply.rateLimited("chaos: slow down", retryAfter);
            case SERVER_ERROR -> ScriptedReply.error(500, "chaos: internal error");
            case UNAVAILABLE, BLACKOUT -> ScriptedReply.error(503, "chaos: overloaded");
            case RESET_BEFORE_RESPONSE -> success.withFault(ScriptedReply.Fault.RESET_BEFORE_RESPONSE);
            case RESET_MID_STREAM -> success.withFault(ScriptedReply.Fault.RESET_MID_STREAM);
            case STALL_BEFORE_FIRST_EVENT -> success.withFault(ScriptedReply.Fault.STALL_BEFORE_FIRST_EVENT);
            case STALL_MID_STREAM -> success.withFault(ScriptedReply.Fault.STALL_MID_STREAM);
            case GARBLED_EVENT -> success.withFault(ScriptedReply.Fault.GARBLED_EVENT);
            case SLOW_ANSWER -> success.withTiming(new ScriptedReply.Timing(slowAnswer,
                    success.timing().betweenChunks(), success.timing().textChunks()));
        };
    }

    private ScriptedReply count(Fault fault, ScriptedReply reply) {
        injected.get(fault).incrementAndGet();
        return reply;
    }

    /** Requests this plan answered (faulty or not). */
    public long answered() {
        return answered.get();
    }

    /** How many of each fault it injected so far. */
    public Map<Fault, Long> injected() {
        Map<Fault, Long> out = new EnumMap<>(Fault.class);
        injected.forEach((f, n) -> out.put(f, n.get()));
        return out;
    }

    public long injectedTotal() {
        return new ArrayList<>(injected.values()).stream().mapToLong(AtomicLong::get).sum();
    }
}
