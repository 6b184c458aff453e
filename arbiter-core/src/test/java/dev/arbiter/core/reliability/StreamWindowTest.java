package dev.arbiter.core.reliability;

import static dev.arbiter.core.reliability.ReliabilityFixture.deployment;
import static dev.arbiter.core.reliability.ReliabilityFixture.model;
import static dev.arbiter.core.reliability.ScriptedUpstream.events;
import static dev.arbiter.core.reliability.ScriptedUpstream.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Streams: invisible failover inside the pre-commit window, explicit truncation after it. */
class StreamWindowTest {
    private static final StreamEvent START = new StreamEvent.Start("s", "m", 1);
    private static final StreamEvent HELLO = new StreamEvent.TextDelta(0, "Hel");
    private static final StreamEvent LO = new StreamEvent.TextDelta(0, "lo");
    private static final StreamEvent DONE = new StreamEvent.Finish(0, FinishReason.STOP);
    private static final Duration GAP = Duration.ofMillis(50);
    private static final ModelEntry CHAT = model("team/chat", 32_000, deployment("primary", "x"), deployment("backup", "x"));
    /** Hold back up to three content events or 200 ms after the first; the first must come within 1 s. */
    private static final StreamSettings WINDOW = new StreamSettings(3, Duration.ofMillis(200), Duration.ofSeconds(1));

    private final ReliabilityFixture f = new ReliabilityFixture(ReliabilityConfig.DEFAULTS.withStream(WINDOW), CHAT);

    private static List<StreamEvent> drain(EventStream s) {
        List<StreamEvent> out = new ArrayList<>();
        for (StreamEvent e = s.next(); e != null; e = s.next()) {
            out.add(e);
        }
        return out;
    }

    private static EventStream opened(Outcome outcome) {
        return ((Outcome.Streaming) outcome).stream();
    }

    @Test
    void aStreamThatFailsInsideTheWindowFailsOverInvisibly() {
        f.upstream.script("primary/x", stream(events(f.time, GAP, START, HELLO).thenFail(ErrorKind.PROVIDER_UNREACHABLE)));
        f.upstream.script("backup/x", stream(events(f.time, GAP, START, HELLO, LO, DONE)));
        Trace trace = new Trace();

        List<StreamEvent> received = drain(opened(f.callStreaming(trace, "team/chat")));

        assertThat(received).containsExactly(START, HELLO, LO, DONE);
        assertThat(f.upstream.calledDeployments()).containsExactly("primary/x", "backup/x");
        assertThat(trace.truncated()).isFalse();
    }

    @Test
    void noFirstTokenInTimeCutsTheStalledStreamAndFailsOver() {
        ScriptedStream stalled = events(f.time, GAP, START).thenStall();
        f.upstream.script("primary/x", stream(stalled));
        f.upstream.script("backup/x", stream(events(f.time, GAP, START, HELLO, DONE)));
        Trace trace = new Trace();

        List<StreamEvent> received = drain(opened(f.callStreaming(trace, "team/chat")));

        assertThat(stalled.isClosed()).isTrue();
        assertThat(received).containsExactly(START, HELLO, DONE);
        assertThat(trace.attempts().getFirst().error()).isEqualTo(ErrorKind.PROVIDER_TIMEOUT);
    }

    @Test
    void aSlowFirstTokenIsTooSlowEvenWhenItComes() {
        f.upstream.script("primary/x", stream(events(f.time, Duration.ofMillis(1200), HELLO, DONE)));
        f.upstream.script("backup/x", stream(events(f.time, GAP, HELLO, DONE)));

        drain(opened(f.callStreaming(new Trace(), "team/chat")));

        assertThat(f.upstream.calledDeployments()).containsExactly("primary/x", "backup/x");
    }

    @Test
    void theWindowCommitsAfterEnoughContentEvents() {
        ScriptedStream upstream = events(f.time, GAP, START, HELLO, LO, LO, LO, DONE);
        f.upstream.script("primary/x", stream(upstream));
        long before = f.time.nanos();

        EventStream s = opened(f.callStreaming(new Trace(), "team/chat"));

        assertThat(f.time.nanos() - before).isEqualTo(4 * GAP.toNanos()); // START + three content events held
        assertThat(drain(s)).hasSize(6);
    }

    @Test
    void theWindowCommitsOnceItsTimeHasPassedSinceTheFirstToken() {
        f.upstream.script("primary/x", stream(events(f.time, Duration.ofMillis(150), HELLO, LO, LO, DONE)));
        long before = f.time.nanos();

        opened(f.callStreaming(new Trace(), "team/chat"));

        assertThat(Duration.ofNanos(f.time.nanos() - before)).isEqualTo(Duration.ofMillis(450)); // 1st at 150, 3rd at 450 > 150 + 200
    }

    @Test
    void aFailureAfterCommitEndsTheStreamWithTheErrorAndMarksTheTraceTruncated() {
        f.upstream.script("primary/x", stream(events(f.time, GAP, START, HELLO, LO, LO, LO).thenFail(ErrorKind.PROVIDER_UNREACHABLE)));
        Trace trace = new Trace();
        EventStream s = opened(f.callStreaming(trace, "team/chat"));
        List<StreamEvent> received = new ArrayList<>();

        assertThatThrownBy(() -> {
            for (StreamEvent e = s.next(); e != null; e = s.next()) {
                received.add(e);
            }
        }).isInstanceOfSatisfying(ArbiterException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_UNREACHABLE));

        assertThat(received).hasSize(5);
        assertThat(trace.truncated()).isTrue();
        assertThat(trace.truncatedBy()).isEqualTo(ErrorKind.PROVIDER_UNREACHABLE);
        assertThat(f.upstream.calls()).hasSize(1); // no failover after commit
    }

    @Test
    void theDeadlinePassingMidStreamCutsItWithATimeout() {
        f.upstream.script("primary/x", stream(events(f.time, GAP, HELLO, LO, LO).thenStall()));
        Trace trace = new Trace();
        EventStream s = opened(f.callStreaming(trace, Map.of("x-arbiter-timeout-ms", "1000"), "team/chat"));
        long committedAt = f.time.nanos();

        assertThatThrownBy(() -> drain(s)).isInstanceOfSatisfying(ArbiterException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_TIMEOUT);
            assertThat(e.code()).isEqualTo("deadline_exceeded");
        });
        assertThat(Duration.ofNanos(f.time.nanos() - committedAt)).isEqualTo(Duration.ofMillis(850));
        assertThat(trace.truncatedBy()).isEqualTo(ErrorKind.PROVIDER_TIMEOUT);
    }

    @Test
    void aStreamedRefusalGoesToTheContentPolicyAlternative() {
        ModelEntry strict = model("team/strict", 8_000, deployment("s", "strict"));
        ModelEntry lenient = model("team/lenient", 8_000, deployment("l", "lenient"));
        ReliabilityConfig config = ReliabilityConfig.DEFAULTS.withModels(Map.of("team/strict",
                new ModelReliability(Balancing.WEIGHTED, List.of(), List.of(), List.of("team/lenient"))));
        ReliabilityFixture g = new ReliabilityFixture(config, strict, lenient);
        g.upstream.script("s/strict", stream(events(g.time, GAP, START, new StreamEvent.Finish(0, FinishReason.CONTENT_FILTER))));
        g.upstream.script("l/lenient", stream(events(g.time, GAP, HELLO, DONE)));
        Trace trace = new Trace();

        List<StreamEvent> received = drain(opened(g.callStreaming(trace, "team/strict")));

        assertThat(trace.model().id()).isEqualTo("team/lenient");
        assertThat(received).containsExactly(HELLO, DONE);
        assertThat(trace.attempts().getFirst().error()).isEqualTo(ErrorKind.POLICY_CONTENT_FILTERED);
    }
}
