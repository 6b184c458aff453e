package dev.arbiter.core.reliability;

import static dev.arbiter.core.reliability.ReliabilityFixture.deployment;
import static dev.arbiter.core.reliability.ReliabilityFixture.model;
import static dev.arbiter.core.reliability.ScriptedUpstream.fail;
import static dev.arbiter.core.reliability.ScriptedUpstream.ok;
import static dev.arbiter.core.reliability.ScriptedUpstream.rateLimited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.catalog.Deployment;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retries over a model's deployments: backoff, Retry-After, bad keys, caps and the deadline, on a fake clock. */
class RetryStageTest {
    private static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(5));
    private static final ReliabilityConfig CONFIG = ReliabilityConfig.DEFAULTS.withRetry(RETRY);
    private static final ModelEntry TWO = model("team/chat", 32_000, deployment("primary", "gpt-x"), deployment("backup", "gpt-x"));
    private static final ModelEntry ONE = model("team/solo", 32_000, deployment("only", "gpt-y"));

    private final ReliabilityFixture f = new ReliabilityFixture(CONFIG, TWO, ONE);

    @Test
    void retriesAnotherDeploymentAtOnceAfterAServerError() {
        f.upstream.script("primary/gpt-x", fail(ErrorKind.PROVIDER_ERROR));
        Trace trace = new Trace();

        Outcome outcome = f.call(trace, "team/chat");

        assertThat(outcome).isInstanceOf(Outcome.Completed.class);
        assertThat(f.upstream.calledDeployments()).containsExactly("primary/gpt-x", "backup/gpt-x");
        assertThat(f.time.sleeps()).isEmpty();
        assertThat(trace.attempts()).extracting(a -> a.deployment() + "=" + a.error())
                .containsExactly("primary/gpt-x=PROVIDER_ERROR", "backup/gpt-x=null");
    }

    @Test
    void backsOffWithJitterBeforeRetryingTheSameDeployment() {
        f.random.fraction(0.999);
        f.upstream.script("only/gpt-y", fail(ErrorKind.PROVIDER_UNAVAILABLE), fail(ErrorKind.PROVIDER_TIMEOUT));

        f.call(new Trace(), "team/solo");

        assertThat(f.upstream.calledDeployments()).hasSize(3);
        assertThat(f.time.sleeps()).hasSize(2);
        assertThat(f.time.sleeps().get(0)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(f.time.sleeps().get(1)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
    }

    @Test
    void stopsAfterMaxAttemptsWithTheLastFailure() {
        f.upstream.script("only/gpt-y", fail(ErrorKind.PROVIDER_ERROR), fail(ErrorKind.PROVIDER_ERROR),
                fail(ErrorKind.PROVIDER_UNREACHABLE), ok("never reached"));

        ArbiterException e = assertThrows(ArbiterException.class, () -> f.call(new Trace(), "team/solo"));

        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_UNREACHABLE);
        assertThat(f.upstream.calls()).hasSize(3);
    }

    @Test
    void aRateLimitedDeploymentCoolsDownForItsRetryAfterWhileTheOtherServes() {
        f.upstream.script("primary/gpt-x", rateLimited(Duration.ofSeconds(20)));

        f.call(new Trace(), "team/chat");
        f.call(new Trace(), "team/chat");
        f.time.advance(Duration.ofSeconds(20));
        f.call(new Trace(), "team/chat");

        assertThat(f.upstream.calledDeployments())
                .containsExactly("primary/gpt-x", "backup/gpt-x", "backup/gpt-x", "primary/gpt-x");
        assertThat(f.time.sleeps()).isEmpty();
    }

    @Test
    void waitsOutRetryAfterWhenNoOtherDeploymentCanServe() {
        f.upstream.script("only/gpt-y", rateLimited(Duration.ofSeconds(3)));

        f.call(new Trace(), "team/solo");

        assertThat(f.time.sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(f.upstream.calls()).hasSize(2);
        assertThat(f.upstream.calls().get(1).atNanos() - f.upstream.calls().get(0).atNanos())
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3).toNanos());
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitReachesTheCallerWithItsHint() {
        f.upstream.script("only/gpt-y", rateLimited(Duration.ofSeconds(30)));

        ArbiterException e = assertThrows(ArbiterException.class, () -> f.call(new Trace(), "team/solo"));

        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(f.time.sleeps()).isEmpty();
    }

    @Test
    void whileCoolingDownALoneDeploymentAnswersWithA429AndTheRemainingWait() {
        f.upstream.script("only/gpt-y", rateLimited(Duration.ofSeconds(30)));
        assertThrows(ArbiterException.class, () -> f.call(new Trace(), "team/solo"));
        f.time.advance(Duration.ofSeconds(12));

        ArbiterException e = assertThrows(ArbiterException.class, () -> f.call(new Trace(), "team/solo"));

        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(18));
        assertThat(f.upstream.calls()).hasSize(1); // Retry-After honoured: not called again
    }

    @Test
    void neverWaitsPastTheRequestsDeadline() {
        f.upstream.script("only/gpt-y", rateLimited(Duration.ofSeconds(3)));

        ArbiterException e = assertThrows(ArbiterException.class, () -> f.call(new Trace(), Map.of("x-arbiter-timeout-ms", "2000"), "team/solo"));

        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_RATE_LIMITED);
        assertThat(f.time.sleeps()).isEmpty();
    }

    @Test
    void aBackoffThatWouldPassTheDeadlineIsNotSlept() {
        f.random.fraction(0.999);
        f.upstream.script("only/gpt-y", ScriptedUpstream.after(f.time, Duration.ofMillis(950), fail(ErrorKind.PROVIDER_ERROR)));

        ArbiterException e = assertThrows(ArbiterException.class, () -> f.call(new Trace(), Map.of("x-arbiter-timeout-ms", "1000"), "team/solo"));

        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(f.time.sleeps()).isEmpty();
        assertThat(f.upstream.calls()).hasSize(1);
    }

    @Test
    void eachCallGetsWhatIsLeftOfTheDeadlineAsItsBudget() {
        f.upstream.script("primary/gpt-x", ScriptedUpstream.after(f.time, Duration.ofMillis(700), fail(ErrorKind.PROVIDER_TIMEOUT)));

        f.call(new Trace(), Map.of("x-arbiter-timeout-ms", "1000"), "team/chat");

        assertThat(f.upstream.calls()).extracting(ScriptedUpstream.Call::budget)
                .containsExactly(Duration.ofMillis(1000), Duration.ofMillis(300));
    }

    @Test
    void aRejectedKeyIsCooledDownAndTheNextDeploymentCalledWithoutBackoff() {
        f.upstream.script("primary/gpt-x", fail(ErrorKind.PROVIDER_AUTH_FAILED));

        f.call(new Trace(), "team/chat");
        f.call(new Trace(), "team/chat");

        assertThat(f.upstream.calledDeployments()).containsExactly("primary/gpt-x", "backup/gpt-x", "backup/gpt-x");
        assertThat(f.time.sleeps()).isEmpty();
        f.time.advance(Duration.ofMinutes(1));
        f.call(new Trace(), "team/chat");
        assertThat(f.upstream.calledDeployments().getLast()).isEqualTo("primary/gpt-x");
    }

    @Test
    void aRejectedKeyCoolsDownEveryDeploymentCallingWithIt() {
        Deployment keyed = new Deployment("shared", "m1", 1, 0, "sk-1", null);
        Deployment sameKey = new Deployment("shared", "m2", 1, 0, "sk-1", null);
        Deployment otherKey = new Deployment("shared", "m2", 1, 0, "sk-2", "second-key");
        ModelEntry a = model("team/a", 8000, keyed);
        ModelEntry b = model("team/b", 8000, sameKey, otherKey);
        ReliabilityFixture g = new ReliabilityFixture(CONFIG, a, b);
        g.upstream.script("shared/m1", fail(ErrorKind.PROVIDER_AUTH_FAILED));

        assertThrows(ArbiterException.class, () -> g.call(new Trace(), "team/a"));
        g.call(new Trace(), "team/b");

        assertThat(g.upstream.calledDeployments()).containsExactly("shared/m1", "shared/m2@second-key");
    }

    @Test
    void callerErrorsAreNotRetried() {
        f.upstream.script("primary/gpt-x", fail(ErrorKind.PROVIDER_REJECTED_REQUEST));

        ArbiterException e = assertThrows(ArbiterException.class, () -> f.call(new Trace(), "team/chat"));

        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_REJECTED_REQUEST);
        assertThat(f.upstream.calls()).hasSize(1);
    }

    @Test
    void aDeploymentThatDoesNotKnowTheModelIsNotCalledAgainForTheRequest() {
        f.upstream.script("primary/gpt-x", fail(ErrorKind.PROVIDER_MODEL_NOT_FOUND));
        f.upstream.script("backup/gpt-x", fail(ErrorKind.PROVIDER_ERROR), ok("third time"));

        f.call(new Trace(), "team/chat");

        assertThat(f.upstream.calledDeployments()).containsExactly("primary/gpt-x", "backup/gpt-x", "backup/gpt-x");
    }

    @Test
    void aFullDeploymentIsSkippedAndAllFullIsAnOverloadedErrorWithRetryAfter() {
        Deployment capped = new Deployment("capped", "m", 1, 1, null, null);
        Deployment spare = new Deployment("spare", "m", 1, 1, null, null);
        ModelEntry m = model("team/capped", 8000, capped, spare);
        ReliabilityFixture g = new ReliabilityFixture(CONFIG, m);
        List<Outcome> open = new java.util.ArrayList<>();
        g.upstream.script("capped/m", ScriptedUpstream.stream(ScriptedUpstream.events(g.time, Duration.ZERO,
                new dev.arbiter.core.chat.StreamEvent.TextDelta(0, "a")).thenStall()));
        g.upstream.script("spare/m", ScriptedUpstream.stream(ScriptedUpstream.events(g.time, Duration.ZERO,
                new dev.arbiter.core.chat.StreamEvent.TextDelta(0, "b")).thenStall()));
        open.add(g.callStreaming(new Trace(), "team/capped")); // holds capped's only slot until closed
        open.add(g.callStreaming(new Trace(), "team/capped")); // and spare's

        ArbiterException e = assertThrows(ArbiterException.class, () -> g.callStreaming(new Trace(), "team/capped"));

        assertThat(g.upstream.calledDeployments()).containsExactly("capped/m", "spare/m");
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.code()).isEqualTo("at_capacity");
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        open.forEach(o -> ((Outcome.Streaming) o).stream().close());
        g.call(new Trace(), "team/capped");
        assertThat(g.upstream.calls()).hasSize(3);
    }
}
