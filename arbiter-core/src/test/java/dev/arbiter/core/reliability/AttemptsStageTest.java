package dev.arbiter.core.reliability;

import static dev.arbiter.core.reliability.ReliabilityFixture.deployment;
import static dev.arbiter.core.reliability.ReliabilityFixture.model;
import static dev.arbiter.core.reliability.ScriptedUpstream.fail;
import static dev.arbiter.core.reliability.ScriptedUpstream.ok;
import static dev.arbiter.core.reliability.ScriptedUpstream.rateLimited;
import static dev.arbiter.core.reliability.ScriptedUpstream.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.AttemptRecord;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fallback across the ranked targets and the configured fallbacks, and what stops it. */
class AttemptsStageTest {
    private static final ModelEntry SMALL = model("team/small", 8_000, deployment("a", "small"));
    private static final ModelEntry MEDIUM = model("team/medium", 32_000, deployment("b", "medium"));
    private static final ModelEntry LARGE = model("team/large", 200_000, deployment("c", "large"));
    private static final ModelEntry LENIENT = model("team/lenient", 8_000, deployment("d", "lenient"));
    private static final ReliabilityConfig CONFIG = ReliabilityConfig.DEFAULTS.withRetry(RetrySettings.NONE).withModels(Map.of(
            "team/small", new ModelReliability(Balancing.WEIGHTED, List.of("team/medium"), List.of(), List.of("team/lenient")),
            "team/medium", new ModelReliability(Balancing.WEIGHTED, List.of(), List.of("team/large"), List.of())));

    private final ReliabilityFixture f = new ReliabilityFixture(CONFIG, SMALL, MEDIUM, LARGE, LENIENT);

    private static List<String> attempts(Trace trace) {
        return trace.attempts().stream().map(a -> a.model() + "=" + (a.succeeded() ? "ok" : a.error().type())).toList();
    }

    @Test
    void fallsBackToNextTargetWhenFirstIsRateLimited() {
        f.upstream.script("c/large", rateLimited(Duration.ofSeconds(60)));
        Trace trace = new Trace();

        f.call(trace, "team/large", "team/medium");

        assertThat(trace.model().id()).isEqualTo("team/medium");
        assertThat(attempts(trace)).containsExactly("team/large=provider_rate_limited", "team/medium=ok");
        assertThat(trace.decision()).contains("fallback to team/medium after team/large failed");
    }

    @Test
    void configuredFallbacksComeAfterTheRankedTargets() {
        f.upstream.script("a/small", fail(ErrorKind.PROVIDER_ERROR));
        f.upstream.script("c/large", fail(ErrorKind.PROVIDER_UNAVAILABLE));
        Trace trace = new Trace();

        f.call(trace, "team/small", "team/large");

        assertThat(trace.targets()).extracting(ModelEntry::id).containsExactly("team/small", "team/large", "team/medium");
        assertThat(attempts(trace)).containsExactly("team/small=provider_error", "team/large=provider_unavailable",
                "team/medium=ok");
    }

    @Test
    void aCallerErrorDoesNotFallBack() {
        f.upstream.script("a/small", fail(ErrorKind.PROVIDER_REJECTED_REQUEST));
        Trace trace = new Trace();

        ArbiterException e = assertThrows(ArbiterException.class, () -> f.call(trace, "team/small"));

        assertThat(e.status()).isEqualTo(400);
        assertThat(attempts(trace)).containsExactly("team/small=provider_rejected_request");
    }

    @Test
    void aContextOverflowJumpsToALargerModelSkippingSmallerOnes() {
        f.upstream.script("b/medium", fail(ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED));
        Trace trace = new Trace();

        f.call(trace, "team/medium", "team/small", "team/lenient");

        assertThat(attempts(trace)).containsExactly("team/medium=caller_context_length_exceeded", "team/large=ok");
    }

    @Test
    void withoutAConfiguredOneAContextOverflowUsesTheNextLargerTarget() {
        f.upstream.script("a/small", fail(ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED));
        Trace trace = new Trace();

        f.call(trace, "team/small", "team/lenient", "team/large");

        assertThat(attempts(trace)).containsExactly("team/small=caller_context_length_exceeded", "team/large=ok");
    }

    @Test
    void aContextOverflowWithNoLargerModelReachesTheCaller() {
        f.upstream.script("c/large", fail(ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED));

        ArbiterException e = assertThrows(ArbiterException.class, () -> f.call(new Trace(), "team/large", "team/small"));

        assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED);
    }

    @Test
    void aContentPolicyErrorGoesToTheConfiguredAlternative() {
        f.upstream.script("a/small", fail(ErrorKind.POLICY_CONTENT_FILTERED));
        Trace trace = new Trace();

        f.call(trace, "team/small", "team/large");

        assertThat(attempts(trace)).containsExactly("team/small=policy_content_filtered", "team/lenient=ok");
    }

    @Test
    void aRefusalAnswerGoesToTheAlternativeWhenOneIsConfigured() {
        f.upstream.script("a/small", refusal());
        Trace trace = new Trace();

        Outcome outcome = f.call(trace, "team/small");

        assertThat(attempts(trace)).containsExactly("team/small=policy_content_filtered", "team/lenient=ok");
        assertThat(((Outcome.Completed) outcome).response().message().text()).isEqualTo("fine");
    }

    @Test
    void aRefusalAnswerIsReturnedAsIsWithoutAnAlternative() {
        f.upstream.script("b/medium", refusal());
        Trace trace = new Trace();

        f.call(trace, "team/medium");

        assertThat(attempts(trace)).containsExactly("team/medium=ok");
    }

    @Test
    void aContentPolicyErrorWithoutAnAlternativeReachesTheCaller() {
        f.upstream.script("b/medium", fail(ErrorKind.POLICY_CONTENT_FILTERED));

        ArbiterException e = assertThrows(ArbiterException.class, () -> f.call(new Trace(), "team/medium", "team/large"));

        assertThat(e.kind()).isEqualTo(ErrorKind.POLICY_CONTENT_FILTERED);
        assertThat(f.upstream.calls()).hasSize(1);
    }

    @Test
    void whenEveryTargetFailsTheCallerGetsTheLastRealFailureAndEveryAttemptIsRecorded() {
        f.upstream.script("b/medium", fail(ErrorKind.PROVIDER_ERROR));
        f.upstream.script("c/large", fail(ErrorKind.PROVIDER_TIMEOUT));
        Trace trace = new Trace();

        ArbiterException e = assertThrows(ArbiterException.class, () -> f.call(trace, "team/medium", "team/large"));

        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_TIMEOUT);
        assertThat(trace.attempts()).extracting(AttemptRecord::deployment).containsExactly("b/medium", "c/large");
    }

    @Test
    void aModelWhoseCircuitIsOpenIsSkippedAtOnceAndShownInTheAttempts() {
        ReliabilityConfig tight = CONFIG.withBreaker(new BreakerSettings(true, 4, 2, 0.5, Duration.ofSeconds(30), 1.0,
                Duration.ofSeconds(30), 1));
        ReliabilityFixture g = new ReliabilityFixture(tight, SMALL, MEDIUM, LARGE, LENIENT);
        g.upstream.script("c/large", fail(ErrorKind.PROVIDER_ERROR), fail(ErrorKind.PROVIDER_ERROR));
        g.call(new Trace(), "team/large", "team/medium");
        g.call(new Trace(), "team/large", "team/medium");
        assertThat(g.reliability.health().healthy("team/large")).isFalse();
        Trace trace = new Trace();

        g.call(trace, "team/large", "team/medium");

        assertThat(attempts(trace)).containsExactly("team/large=provider_unavailable", "team/medium=ok");
        assertThat(g.upstream.calls()).hasSize(5);
    }

    @Test
    void aBadTimeoutHeaderIsTheCallersError() {
        ArbiterException e = assertThrows(ArbiterException.class, () -> f.call(new Trace(), Map.of("x-arbiter-timeout-ms", "soon"), "team/small"));

        assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_INVALID_REQUEST);
        assertThat(e.param()).isEqualTo("x-arbiter-timeout-ms");
        assertThat(f.upstream.calls()).isEmpty();
    }

    @Test
    void noTargetIsTriedOnceTheDeadlineHasPassed() {
        f.upstream.script("b/medium", ScriptedUpstream.after(f.time, Duration.ofMillis(600), fail(ErrorKind.PROVIDER_TIMEOUT)));

        ArbiterException e = assertThrows(ArbiterException.class, () -> f.call(new Trace(), Map.of("x-arbiter-timeout-ms", "500"), "team/medium", "team/large"));

        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_TIMEOUT);
        assertThat(e.code()).isEqualTo("deadline_exceeded");
        assertThat(e.getMessage()).contains("500 ms");
        assertThat(f.upstream.calls()).hasSize(1);
    }

    @Test
    void theRoutersFirstChoiceIsCalledFirst() {
        Trace trace = new Trace();
        f.call(trace, "team/medium", "team/small");
        assertThat(f.upstream.calledDeployments()).containsExactly("b/medium");
        assertThat(trace.model().id()).isEqualTo("team/medium");
    }
}
