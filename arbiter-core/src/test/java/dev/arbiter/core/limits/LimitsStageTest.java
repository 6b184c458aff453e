package dev.arbiter.core.limits;

import static dev.arbiter.core.limits.Budgets.usd;
import static dev.arbiter.core.limits.StageFixture.answer;
import static dev.arbiter.core.limits.StageFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Outcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits stage: rate limits, then reserve, then settle for answers, streams and failures. */
class LimitsStageTest {
    private final StageFixture f = new StageFixture();

    private static LimitRules teamBudget(String usd, BudgetRule.OnExceed onExceed, BigDecimal... alerts) {
        return new LimitRules(List.of(new BudgetRule(BudgetRule.Scope.TEAM, "t1",
                new BudgetSpec(usd(usd), Period.MONTH), List.of(alerts), onExceed)), List.of());
    }

    private static String estimate(ChatRequest request) {
        return Money.format(CostEstimate.of(request, StageFixture.MODEL, Instant.EPOCH).usd());
    }

    @Test
    void aCompletedAnswerIsSettledWithItsRealCost() {
        LimitsStage stage = f.stage(teamBudget("10", null));
        ChatRequest request = request(100);

        f.run(stage, request, () -> new Outcome.Completed(answer(Usage.of(10, 20))));

        assertThat(f.events).containsExactly("reserve " + estimate(request), "settle $0.05");
    }

    @Test
    void anAnswerWithoutUsageIsSettledAtItsEstimate() {
        LimitsStage stage = f.stage(teamBudget("10", null));
        ChatRequest request = request(100);

        f.run(stage, request, () -> new Outcome.Completed(answer(Usage.ZERO)));

        assertThat(f.events).containsExactly("reserve " + estimate(request), "settle " + estimate(request));
    }

    @Test
    void aStreamIsSettledWhenItEndsWithTheUsageItReported() {
        LimitsStage stage = f.stage(teamBudget("10", null));
        Outcome.Streaming out = (Outcome.Streaming) f.run(stage, request(100), () -> new Outcome.Streaming(f.stream(
                new StreamEvent.TextDelta(0, "hi"), new StreamEvent.Finish(0, FinishReason.STOP),
                new StreamEvent.UsageReport(Usage.of(100, 50)))));
        EventStream stream = out.stream();
        assertThat(f.events).hasSize(1); // reserved, nothing settled while the stream runs

        while (stream.next() != null) {
            // read it all, as the edge does
        }
        stream.close();

        assertThat(f.events).endsWith("settle $0.20", "closed");
        assertThat(f.events).filteredOn(e -> e.startsWith("settle")).hasSize(1);
    }

    @Test
    void aStreamClosedBeforeItsUsageCameIsSettledAtTheEstimate() {
        LimitsStage stage = f.stage(teamBudget("10", null));
        ChatRequest request = request(100);
        Outcome.Streaming out = (Outcome.Streaming) f.run(stage, request, () -> new Outcome.Streaming(f.stream(
                new StreamEvent.TextDelta(0, "hi"), new StreamEvent.TextDelta(0, " there"))));

        out.stream().next();
        out.stream().close(); // the caller hung up

        assertThat(f.events).containsExactly("reserve " + estimate(request), "closed", "settle " + estimate(request));
    }

    @Test
    void aStreamThatFailsMidWayIsSettledWithWhatItReported() {
        LimitsStage stage = f.stage(teamBudget("10", null));
        EventStream failing = new EventStream() {
            private int n;

            @Override
            public StreamEvent next() {
                if (n++ == 0) {
                    return new StreamEvent.UsageReport(Usage.of(10, 0));
                }
                throw new ArbiterException(ErrorKind.PROVIDER_ERROR, "upstream cut");
            }

            @Override
            public void close() {
            }
        };
        Outcome.Streaming out = (Outcome.Streaming) f.run(stage, request(100), () -> new Outcome.Streaming(failing));

        out.stream().next();
        assertThatThrownBy(out.stream()::next).isInstanceOf(ArbiterException.class);
        out.stream().close();

        assertThat(f.events).filteredOn(e -> e.startsWith("settle")).containsExactly("settle $0.01");
    }

    @Test
    void aFailedCallReleasesItsReservationAndItsTokens() {
        RateLimitRule tokens = new RateLimitRule(RateLimitRule.Scope.TEAM, "t1", new RateLimitSpec(null, 100L));
        LimitsStage stage = f.stage(new LimitRules(teamBudget("10", null).budgetsFor(StageFixture.ALICE, "x").stream()
                .map(b -> new BudgetRule(b.scope(), b.subject(), b.spec(), List.of(), null)).toList(), List.of(tokens)));
        ChatRequest request = request(100);

        for (int i = 0; i < 20; i++) { // 20 × the input tokens would exceed 100 tpm if they were kept
            assertThatThrownBy(() -> f.run(stage, request, () -> {
                throw new ArbiterException(ErrorKind.PROVIDER_UNAVAILABLE, "down");
            })).isInstanceOf(ArbiterException.class).hasMessage("down");
        }

        assertThat(f.events).startsWith("reserve " + estimate(request), "release " + estimate(request));
        assertThat(f.events).hasSize(40);
    }

    @Test
    void aRateLimitedRequestGets429WithRetryAfterAndNeverReachesTheUpstream() {
        LimitsStage stage = f.stage(new LimitRules(List.of(), List.of(
                new RateLimitRule(RateLimitRule.Scope.KEY, "*", new RateLimitSpec(2L, null)))));
        f.run(stage, request(10), () -> new Outcome.Completed(answer(Usage.of(1, 1))));
        f.run(stage, request(10), () -> new Outcome.Completed(answer(Usage.of(1, 1))));

        ArbiterException e = assertThrows(ArbiterException.class, () -> f.run(stage, request(10), () -> new Outcome.Completed(answer(Usage.of(1, 1)))));

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_RATE_LIMITED);
        assertThat(e.getMessage()).startsWith("key sk-arb-3f9a's rate limit of 2 requests per minute is reached");
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(f.downstreamCalls).isEqualTo(2);
    }

    @Test
    void anExhaustedBudgetRefusesWith402NamingTheBudgetWhenConfigured() {
        LimitsStage stage = f.stage(teamBudget("0.10", BudgetRule.OnExceed.PAYMENT_REQUIRED));
        f.run(stage, request(10), () -> new Outcome.Completed(answer(Usage.of(20, 30)))); // $0.08

        ArbiterException e = assertThrows(ArbiterException.class, () -> f.run(stage, request(10), () -> new Outcome.Completed(answer(Usage.ZERO))));

        assertThat(e.status()).isEqualTo(402);
        assertThat(e.kind().type()).isEqualTo("caller_budget_exceeded");
        assertThat(e.code()).isEqualTo("budget_exceeded");
        assertThat(e.getMessage()).startsWith("team t1's monthly budget of $0.10 is exhausted ($0.08 spent, $0.00 reserved");
        assertThat(f.downstreamCalls).isEqualTo(1);
    }

    @Test
    void aBudgetRefusalGivesTheChargedTokensBack() {
        RateLimitRule tokens = new RateLimitRule(RateLimitRule.Scope.TEAM, "t1", new RateLimitSpec(null, 200L));
        LimitsStage stage = f.stage(new LimitRules(List.of(new BudgetRule(BudgetRule.Scope.TEAM, "t1",
                new BudgetSpec(BigDecimal.ZERO, Period.DAY), List.of(), null)), List.of(tokens)));

        for (int i = 0; i < 20; i++) {
            assertThat(assertThrows(ArbiterException.class, () -> f.run(stage, request(10), () -> null)).status()).isEqualTo(429);
        }

        assertThat(assertThrows(ArbiterException.class, () -> f.run(stage, request(10), () -> null)).kind()).isEqualTo(ErrorKind.CALLER_BUDGET_EXCEEDED);
    }

    @Test
    void crossingAnAlertThresholdFiresOncePerPeriod() {
        LimitsStage stage = f.stage(teamBudget("1.00", null, new BigDecimal("0.5"), new BigDecimal("0.8")));

        for (int i = 0; i < 9; i++) { // $0.10 each: 0.1 .. 0.9
            f.run(stage, request(10), () -> new Outcome.Completed(answer(Usage.of(100, 0))));
        }

        assertThat(f.alerts).extracting(BudgetAlert::message).containsExactly(
                "team t1's monthly budget of $1.00 is 50% spent ($0.50 in the period from 2026-05-01T00:00:00Z)",
                "team t1's monthly budget of $1.00 is 80% spent ($0.80 in the period from 2026-05-01T00:00:00Z)");
    }

    @Test
    void anAlertFiresAgainInTheNextPeriod() {
        LimitsStage stage = f.stage(new LimitRules(List.of(new BudgetRule(BudgetRule.Scope.USER, "*",
                new BudgetSpec(usd("1"), Period.DAY), List.of(new BigDecimal("0.5")), null)), List.of()));
        f.run(stage, request(10), () -> new Outcome.Completed(answer(Usage.of(600, 0))));
        f.run(stage, request(10), () -> new Outcome.Completed(answer(Usage.of(100, 0))));

        f.clock.advance(Duration.ofDays(1));
        f.run(stage, request(10), () -> new Outcome.Completed(answer(Usage.of(600, 0))));

        assertThat(f.alerts).extracting(a -> a.periodStart().toString())
                .containsExactly("2026-05-17T00:00:00Z", "2026-05-18T00:00:00Z");
    }

    @Test
    void requestsWithNoLimitsPassStraightThrough() {
        LimitsStage stage = f.stage(LimitRules.NONE);

        f.run(stage, request(10), () -> new Outcome.Completed(answer(Usage.of(1, 1))));

        assertThat(f.events).isEmpty();
        assertThat(f.downstreamCalls).isEqualTo(1);
    }
}
