package dev.arbiter.core.reliability;

import static dev.arbiter.core.reliability.ReliabilityFixture.deployment;
import static dev.arbiter.core.reliability.ReliabilityFixture.model;
import static dev.arbiter.core.reliability.ScriptedUpstream.events;
import static dev.arbiter.core.reliability.ScriptedUpstream.fail;
import static dev.arbiter.core.reliability.ScriptedUpstream.rateLimited;
import static dev.arbiter.core.reliability.ScriptedUpstream.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Trace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the CircuitBreaker stage tells each deployment's breaker, and what health and snapshots show. */
class DeploymentHealthTest {
    /** Window 4, 2 calls minimum, 50% failures open it for 10 s, one probe. */
    private static final BreakerSettings BREAKER = new BreakerSettings(true, 4, 2, 0.5, Duration.ofSeconds(5), 1.0,
            Duration.ofSeconds(10), 1);
    /** One call per model, cool-downs on. */
    private static final RetrySettings ONE_CALL = new RetrySettings(1, Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(5));
    private static final ModelEntry CHAT = model("team/chat", 32_000, deployment("primary", "x"), deployment("backup", "x"));
    private static final ModelEntry SOLO = model("team/solo", 32_000, deployment("only", "y"));

    private final ReliabilityFixture f = new ReliabilityFixture(
            ReliabilityConfig.DEFAULTS.withBreaker(BREAKER).withRetry(ONE_CALL), CHAT, SOLO);

    private DeploymentSnapshot snapshot(String id) {
        return f.reliability.snapshot().stream().filter(s -> s.deployment().equals(id)).findFirst().orElseThrow();
    }

    private void attempt(String model) {
        try {
            f.call(new Trace(), model);
        } catch (ArbiterException ignored) {
            // the outcome is what the breaker saw
        }
    }

    @Test
    void everyDeploymentIsInTheSnapshotBeforeItsFirstCall() {
        assertThat(f.reliability.snapshot()).extracting(DeploymentSnapshot::deployment)
                .containsExactly("backup/x", "only/y", "primary/x");
        assertThat(f.reliability.snapshot()).allSatisfy(s -> assertThat(s.state()).isEqualTo(BreakerState.CLOSED));
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndTheModelTurnsUnhealthyUntilAProbeSucceeds() {
        f.upstream.script("only/y", fail(ErrorKind.PROVIDER_ERROR), fail(ErrorKind.PROVIDER_UNAVAILABLE));
        attempt("team/solo");
        attempt("team/solo");

        assertThat(snapshot("only/y").state()).isEqualTo(BreakerState.OPEN);
        assertThat(snapshot("only/y").timesOpened()).isEqualTo(1);
        assertThat(f.reliability.health().healthy("team/solo")).isFalse();
        f.time.advance(Duration.ofSeconds(10));
        assertThat(snapshot("only/y").state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(f.reliability.health().healthy("team/solo")).isTrue();
        attempt("team/solo");
        assertThat(snapshot("only/y").state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void aModelStaysHealthyWhileOneOfItsDeploymentsIsClosed() {
        f.upstream.script("primary/x", fail(ErrorKind.PROVIDER_ERROR), fail(ErrorKind.PROVIDER_ERROR));
        attempt("team/chat");
        attempt("team/chat");

        assertThat(snapshot("primary/x").state()).isEqualTo(BreakerState.OPEN);
        assertThat(f.reliability.health().healthy("team/chat")).isTrue();
    }

    @Test
    void rateLimitsAndBadKeysDoNotCountAgainstTheCircuit() {
        f.upstream.script("only/y", rateLimited(Duration.ZERO), fail(ErrorKind.PROVIDER_AUTH_FAILED), rateLimited(Duration.ZERO));
        attempt("team/solo");
        attempt("team/solo");
        attempt("team/solo");

        assertThat(snapshot("only/y").windowCalls()).isZero();
        assertThat(snapshot("only/y").state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void aStreamThatBreaksAfterCommitCountsAgainstItsDeploymentWhenItEnds() {
        f.upstream.script("only/y", stream(events(f.time, Duration.ZERO, new StreamEvent.TextDelta(0, "a"))
                .thenFail(ErrorKind.PROVIDER_UNREACHABLE)));
        EventStream s = ((Outcome.Streaming) f.callStreaming(new Trace(), "team/solo")).stream();
        assertThat(snapshot("only/y").inFlight()).isEqualTo(1);
        assertThat(snapshot("only/y").windowCalls()).isZero();

        s.next();
        try {
            s.next();
        } catch (ArbiterException expected) {
            // the mid-stream failure
        }

        assertThat(snapshot("only/y").windowCalls()).isEqualTo(1);
        assertThat(snapshot("only/y").failureRate()).isEqualTo(1.0);
        assertThat(snapshot("only/y").inFlight()).isZero();
    }

    @Test
    void aStreamTheClientAbandonsSaysNothingAboutTheDeployment() {
        f.upstream.script("only/y", stream(events(f.time, Duration.ZERO, new StreamEvent.TextDelta(0, "a"),
                new StreamEvent.Finish(0, FinishReason.STOP))));
        EventStream s = ((Outcome.Streaming) f.callStreaming(new Trace(), "team/solo")).stream();

        s.close();

        assertThat(snapshot("only/y").windowCalls()).isZero();
        assertThat(snapshot("only/y").inFlight()).isZero();
    }

    @Test
    void slowCallsAreCountedFromTheCallDuration() {
        f.upstream.script("only/y", ScriptedUpstream.after(f.time, Duration.ofSeconds(6), ScriptedUpstream.ok("late")),
                ScriptedUpstream.after(f.time, Duration.ofSeconds(6), ScriptedUpstream.ok("late")));
        attempt("team/solo");
        assertThat(snapshot("only/y").slowCallRate()).isEqualTo(1.0);
        assertThat(snapshot("only/y").state()).isEqualTo(BreakerState.CLOSED);

        attempt("team/solo");
        assertThat(snapshot("only/y").state()).isEqualTo(BreakerState.OPEN);
        assertThat(snapshot("only/y").latencyMillis()).isEqualTo(6000.0);
    }

    @Test
    void theSnapshotShowsARunningCoolDown() {
        f.upstream.script("primary/x", rateLimited(Duration.ofSeconds(20)));
        attempt("team/chat");
        f.time.advance(Duration.ofSeconds(5));

        assertThat(snapshot("primary/x").cooldownMillis()).isEqualTo(15_000);
    }
}
