package dev.arbiter.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.catalog.PriceSchedule;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.observe.ExchangeReport;
import dev.arbiter.core.observe.RequestOutcome;
import dev.arbiter.core.pipeline.AttemptRecord;
import dev.arbiter.core.pipeline.Trace;
import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.RoutingDecision;
import dev.arbiter.core.routing.TaskType;
import dev.arbiter.core.tenancy.Principal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One ledger row per finished request: who, what, usage, cost at that time's price, baseline, timings, attempts. */
class LedgerRecorderTest {
    private static final Instant NOW = Instant.parse("2026-12-20T10:00:00Z");
    private static final long NOW_NANOS = 50_000_000_000L;
    private static final ModelEntry MINI = model("openai/mini", Price.of(0.4, 1.6));
    private static final ModelEntry BIG = model("openai/big", Price.of(2.5, 15));
    private static final ModelEntry OPUS = model("anthropic/opus", Price.of(5, 25)).withAliases(List.of("opus"));
    private static final Principal ALICE = new Principal("key-1", "sk-arb-ab", "alice", "t1", List.of(), null, null);
    private static final Usage USAGE = new Usage(1_000_000, 100_000, 0, 40_000, 0);

    private final List<LedgerEntry> recorded = new ArrayList<>();

    private static ModelEntry model(String id, Price price) {
        return new ModelEntry(id, List.of(), id.substring(0, id.indexOf('/')), id.substring(id.indexOf('/') + 1), price,
                100_000, null, Set.of(), "v", null, Map.of());
    }

    private static Optional<ModelEntry> find(String name) {
        return List.of(MINI, BIG, OPUS).stream()
                .filter(m -> m.id().equals(name) || m.aliases().contains(name)).findFirst();
    }

    private LedgerRecorder recorder(Baselines baselines) {
        return new LedgerRecorder(recorded::add, LedgerRecorderTest::find, baselines, InstantSource.fixed(NOW),
                () -> NOW_NANOS);
    }

    private static Trace routedTrace(ModelEntry chosen, String route) {
        Trace trace = new Trace();
        trace.principal(ALICE);
        trace.model(chosen);
        trace.route(route);
        trace.decision("task=coding; chosen=" + chosen.id());
        trace.routingDecision(new RoutingDecision(route, route, TaskType.CODING, false, List.of(), 0.5,
                new PolicySettings(0.8, null), "cheapest-meeting-bar", "cheapest",
                List.of(new Candidate(MINI.id(), 0.85, 0.001, 300), new Candidate(BIG.id(), 0.95, 0.01, 900)),
                List.of(), List.of(), 1000));
        return trace;
    }

    private static ExchangeReport report(Trace trace, boolean stream, int status, RequestOutcome outcome, Usage usage) {
        return new ExchangeReport("openai", stream, trace, status, outcome, usage, 123.0, 2_000_000_000L);
    }

    private LedgerEntry record(Baselines baselines, ExchangeReport report) {
        recorder(baselines).onComplete(report);
        assertThat(recorded).hasSize(1);
        return recorded.getFirst();
    }

    @Test
    void recordsWhoWhatAndTheUsageOfAnAnsweredRequest() {
        Trace trace = routedTrace(MINI, "auto");
        trace.addAttempt(new AttemptRecord(MINI.id(), "openai", "openai/mini", 1800, null));

        LedgerEntry e = record(Baselines.NONE, report(trace, false, 200, RequestOutcome.OK, USAGE));

        assertThat(e.at()).isEqualTo(NOW.minusSeconds(2)); // arrival = now − duration
        assertThat(List.of(e.keyId(), e.user(), e.team(), e.api(), e.route(), e.taskType(), e.model(), e.provider()))
                .containsExactly("key-1", "alice", "t1", "openai", "auto", "coding", "openai/mini", "openai");
        assertThat(e.stream()).isFalse();
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.outcome()).isEqualTo("ok");
        assertThat(List.of(e.inputTokens(), e.outputTokens(), e.reasoningTokens())).containsExactly(1_000_000L, 100_000L, 40_000L);
        assertThat(e.costUsd()).isEqualByComparingTo("0.56"); // 0.4 + 0.1 × 1.6
        assertThat(e.latencyMs()).isEqualTo(2000);
        assertThat(e.ttftMs()).isNull();
        assertThat(e.cacheHit()).isFalse();
        assertThat(e.decision()).isEqualTo("task=coding; chosen=openai/mini");
        assertThat(e.attempts()).containsExactly(new AttemptEntry(0, MINI.id(), "openai", "openai/mini", 1800, null));
    }

    @Test
    void chargesThePriceInForceWhenTheRequestArrivedNotTodaysPrice() {
        ModelEntry repriced = MINI.withPriceChanges(new PriceSchedule(List.of(
                new PriceSchedule.Change(NOW.minusSeconds(1), Price.of(100, 100)))));
        Trace trace = routedTrace(repriced, "auto");

        LedgerEntry e = record(Baselines.NONE, report(trace, false, 200, RequestOutcome.OK, USAGE));

        assertThat(e.costUsd()).isEqualByComparingTo("0.56"); // arrived 2 s ago, before the change
    }

    @Test
    void includesStreamedUsageAndTimeToFirstTokenFromArrival() {
        Trace trace = routedTrace(MINI, "auto");
        long arrival = NOW_NANOS - 2_000_000_000L;
        trace.firstTokenNanos(arrival + 350_000_000L);

        LedgerEntry e = record(Baselines.NONE, report(trace, true, 200, RequestOutcome.OK, new Usage(2000, 500, 1500, 0, 0)));

        assertThat(e.stream()).isTrue();
        assertThat(e.ttftMs()).isEqualTo(350);
        assertThat(List.of(e.inputTokens(), e.cachedInputTokens(), e.outputTokens())).containsExactly(2000L, 1500L, 500L);
        assertThat(e.costUsd()).isEqualByComparingTo("0.0016"); // (2000 × 0.4 + 500 × 1.6) / 1M: no cached price, so input price
    }

    @Test
    void recordsARequestThatFailedBeforeRoutingWithNoModelAndNoCost() {
        Trace trace = new Trace();

        LedgerEntry e = record(Baselines.NONE, report(trace, false, 401, RequestOutcome.CALLER_ERROR, null));

        assertThat(e.keyId()).isNull();
        assertThat(e.model()).isNull();
        assertThat(e.provider()).isNull();
        assertThat(e.outcome()).isEqualTo("caller_error");
        assertThat(e.costUsd()).isEqualByComparingTo("0");
        assertThat(e.baselineModel()).isNull();
        assertThat(e.baselineCostUsd()).isEqualByComparingTo("0");
    }

    @Test
    void recordsEveryFailedAttemptWithItsErrorType() {
        Trace trace = routedTrace(BIG, "auto");
        trace.addAttempt(new AttemptRecord(MINI.id(), "openai", "openai/mini", 40, ErrorKind.PROVIDER_RATE_LIMITED));
        trace.addAttempt(new AttemptRecord(BIG.id(), "azure", "azure/big", 900, ErrorKind.PROVIDER_UNAVAILABLE));

        LedgerEntry e = record(Baselines.NONE, report(trace, false, 503, RequestOutcome.PROVIDER_ERROR, null));

        assertThat(e.attempts()).extracting(AttemptEntry::index, AttemptEntry::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, ErrorKind.PROVIDER_RATE_LIMITED.type()),
                org.assertj.core.groups.Tuple.tuple(1, ErrorKind.PROVIDER_UNAVAILABLE.type()));
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.costUsd()).isEqualByComparingTo("0");
        assertThat(e.provider()).isEqualTo("openai"); // no attempt succeeded: the model's own provider
    }

    @Test
    void theProviderIsTheOneWhoseAttemptSucceeded() {
        Trace trace = routedTrace(MINI, "auto");
        trace.addAttempt(new AttemptRecord(MINI.id(), "openai", "openai/mini", 40, ErrorKind.PROVIDER_RATE_LIMITED));
        trace.addAttempt(new AttemptRecord(MINI.id(), "azure", "azure/mini", 400, null));

        assertThat(record(Baselines.NONE, report(trace, false, 200, RequestOutcome.OK, USAGE)).provider()).isEqualTo("azure");
    }

    @Test
    void aRoutedRequestIsComparedWithTheCostliestCandidateByDefault() {
        LedgerEntry e = record(Baselines.NONE, report(routedTrace(MINI, "auto"), false, 200, RequestOutcome.OK, USAGE));

        assertThat(e.baselineModel()).isEqualTo("openai/big");
        assertThat(e.baselineCostUsd()).isEqualByComparingTo("4"); // 2.5 + 0.1 × 15
    }

    @Test
    void theLedgerBaselineModelBeatsTheCostliestCandidate() {
        LedgerEntry e = record(new Baselines(Map.of(), "opus"), report(routedTrace(MINI, "auto"), false, 200,
                RequestOutcome.OK, USAGE));

        assertThat(e.baselineModel()).isEqualTo("anthropic/opus");
        assertThat(e.baselineCostUsd()).isEqualByComparingTo("7.5"); // 5 + 0.1 × 25
    }

    @Test
    void theRoutesOwnBaselineBeatsTheLedgerBaselineModel() {
        Baselines baselines = new Baselines(Map.of("support", "openai/big"), "opus");

        LedgerEntry e = record(baselines, report(routedTrace(MINI, "support"), false, 200, RequestOutcome.OK, USAGE));

        assertThat(e.baselineModel()).isEqualTo("openai/big");
    }

    @Test
    void aBaselineMissingFromTheCatalogFallsThroughToTheNextRule() {
        LedgerEntry e = record(new Baselines(Map.of("auto", "gone/model"), "gone/too"),
                report(routedTrace(MINI, "auto"), false, 200, RequestOutcome.OK, USAGE));

        assertThat(e.baselineModel()).isEqualTo("openai/big");
    }

    @Test
    void aDirectRequestIsItsOwnBaselineSoItSavesNothing() {
        Trace trace = new Trace();
        trace.model(BIG);
        trace.route("direct");

        LedgerEntry e = record(Baselines.NONE, report(trace, false, 200, RequestOutcome.OK, USAGE));

        assertThat(e.taskType()).isNull();
        assertThat(e.baselineModel()).isEqualTo("openai/big");
        assertThat(e.baselineCostUsd()).isEqualByComparingTo(e.costUsd());
    }

    @Test
    void aFailedRoutedRequestStillNamesTheCostliestCandidateByTheRoutersEstimate() {
        LedgerEntry e = record(Baselines.NONE, report(routedTrace(MINI, "auto"), false, 502,
                RequestOutcome.PROVIDER_ERROR, null));

        assertThat(e.baselineModel()).isEqualTo("openai/big");
        assertThat(e.baselineCostUsd()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void assignsATimeOrderedRequestIdUnlessTheTraceHasOne() {
        Trace fresh = routedTrace(MINI, "auto");
        Trace named = routedTrace(MINI, "auto");
        named.requestId("req-from-edge");
        LedgerRecorder recorder = recorder(Baselines.NONE);

        recorder.onComplete(report(fresh, false, 200, RequestOutcome.OK, USAGE));
        recorder.onComplete(report(named, false, 200, RequestOutcome.OK, USAGE));

        assertThat(UUID.fromString(recorded.get(0).requestId()).version()).isEqualTo(7);
        assertThat(fresh.requestId()).isEqualTo(recorded.get(0).requestId());
        assertThat(recorded.get(1).requestId()).isEqualTo("req-from-edge");
    }

    @Test
    void aFailingDownstreamNeverReachesTheCaller() {
        LedgerRecorder recorder = new LedgerRecorder(entry -> {
            throw new IllegalStateException("queue exploded");
        }, LedgerRecorderTest::find, Baselines.NONE);

        recorder.onComplete(report(routedTrace(MINI, "auto"), false, 200, RequestOutcome.OK, USAGE)); // no exception
    }
}
