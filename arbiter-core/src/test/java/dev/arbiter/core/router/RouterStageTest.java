package dev.arbiter.core.router;

import static dev.arbiter.core.router.RouterFixtures.ask;
import static dev.arbiter.core.router.RouterFixtures.routes;
import static dev.arbiter.core.router.RouterFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.catalog.PriceSchedule;
import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.gateway.Catalog;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Trace;
import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.RoutingDecision;
import dev.arbiter.core.routing.TaskType;
import dev.arbiter.core.routing.stats.LatencyStats;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Virtual models and concrete names through the router stage, over the hand-built catalog of RouterFixtures. */
class RouterStageTest {
    private final RouterStage router = RouterFixtures.router(RoutingConfig.DEFAULTS);

    @Test
    void autoSendsAnEasyQuestionToTheCheapestModelMeetingTheBar() {
        Trace trace = run(router, ask("auto", "an easy one: capital of France?")).trace();

        assertThat(trace.model().id()).isEqualTo("v/cheap");
        assertThat(trace.route()).isEqualTo("auto");
        assertThat(trace.targets()).extracting(ModelEntry::id).containsExactly("v/cheap", "v/mid", "v/strong");
        RoutingDecision d = trace.routingDecision();
        assertThat(d.policy()).isEqualTo("cheapest-meeting-bar");
        assertThat(d.qualityBar()).isEqualTo(0.8);
        assertThat(d.taskType()).isEqualTo(TaskType.CHAT);
        assertThat(d.difficulty()).isEqualTo(-3.0);
        assertThat(d.runnerUp().model()).isEqualTo("v/mid");
        assertThat(d.filtered()).singleElement().satisfies(f -> {
            assertThat(f.model()).isEqualTo("v/legacy");
            assertThat(f.filter()).isEqualTo("lifecycle");
            assertThat(f.reason()).isEqualTo("is deprecated");
        });
    }

    @Test
    void autoSendsAMiddlingQuestionToTheCheapestModelThatStillClearsTheBar() {
        assertThat(run(router, ask("auto", "what about this?")).trace().model().id()).isEqualTo("v/mid");
    }

    @Test
    void autoSendsAHardQuestionNoModelClearsToTheMostLikelyModel() {
        Trace trace = run(router, ask("auto", "a hard one")).trace();

        assertThat(trace.model().id()).isEqualTo("v/strong");
        assertThat(trace.routingDecision().reason()).startsWith("none meets bar 0.80");
    }

    @Test
    void autoWithATaskForcesTheTaskTypeAndItsAbilities() {
        Map<String, String> strict = Map.of("x-arbiter-quality-bar", "0.9");

        Exchange asChat = run(router, new ScriptedUpstream(), ask("auto", "what about this?"), strict);
        Exchange asCoding = run(router, new ScriptedUpstream(), ask("auto:coding", "what about this?"), strict);

        assertThat(asChat.trace().model().id()).isEqualTo("v/strong");
        assertThat(asCoding.trace().model().id()).isEqualTo("v/mid");
        assertThat(asCoding.trace().routingDecision().taskForced()).isTrue();
        assertThat(asCoding.trace().routingDecision().taskMix()).extracting(RoutingDecision.TaskShare::task)
                .containsExactly(TaskType.CODING);
        assertThat(asCoding.trace().route()).isEqualTo("auto:coding");
    }

    @Test
    void anUnknownTaskAfterAutoIsA400ListingTheValidTasks() {
        assertThatThrownBy(() -> run(router, ask("auto:poetry", "a poem")))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_INVALID_REQUEST);
                    assertThat(e.param()).isEqualTo("model");
                    assertThat(e.getMessage()).contains("'poetry'").contains("coding, math, science");
                });
    }

    @Test
    void bestPicksTheModelMostLikelyToSucceedWhateverItCosts() {
        Trace trace = run(router, ask("best", "an easy one")).trace();

        assertThat(trace.model().id()).isEqualTo("v/strong");
        assertThat(trace.routingDecision().policy()).isEqualTo("best-within-budget");
    }

    @Test
    void fastPicksTheQuickestModelMeetingTheBarFromLiveLatency() {
        LatencyStats stats = LatencyStats.create();
        stats.record("v/cheap", 900);
        stats.record("v/mid", 200);
        stats.record("v/strong", 500);
        RouterStage timed = RouterFixtures.router(RoutingConfig.DEFAULTS, RouterFixtures.services().withLatency(stats));

        Trace trace = run(timed, ask("fast", "an easy one")).trace();

        assertThat(trace.model().id()).isEqualTo("v/mid");
        assertThat(trace.routingDecision().policy()).isEqualTo("lowest-latency");
        assertThat(candidate(trace, "v/mid").expectedLatencyMs()).isEqualTo(200.0);
    }

    @Test
    void expectedCostUsesMaxTokensWhenSetElseATypicalAnswerLengthForTheTask() {
        String prompt = "x".repeat(1000); // 1000 input tokens with the stub extractor
        Candidate typical = candidate(run(router, ask("best", prompt)).trace(), "v/mid");
        Candidate capped = candidate(run(router, ask("best", prompt).toBuilder().maxTokens(2000).build()).trace(),
                "v/mid");

        // v/mid: $1 in, $4 out per 1M tokens; chat answers are priced at 300 tokens.
        assertThat(typical.expectedCostUsd()).isEqualTo((1000 * 1.0 + 300 * 4.0) / 1e6);
        assertThat(capped.expectedCostUsd()).isEqualTo((1000 * 1.0 + 2000 * 4.0) / 1e6);
    }

    @Test
    void expectedCostsAndSoTheChoiceFollowThePriceInForceWhenTheRequestArrives() {
        Instant priceRise = Instant.parse("2026-12-01T00:00:00Z");
        ModelEntry dearerMid = RouterFixtures.MID.withPriceChanges(new PriceSchedule(List.of(
                new PriceSchedule.Change(priceRise, Price.of(10.0, 40.0)))));
        Catalog catalog = new Catalog(List.of(RouterFixtures.CHEAP, dearerMid, RouterFixtures.STRONG), Set.of("up"));
        String prompt = "x".repeat(1000); // v/mid and v/strong both clear the bar; v/cheap does not

        Trace before = run(pricedAt(catalog, priceRise.minusSeconds(1)), ask("auto", prompt)).trace();
        Trace after = run(pricedAt(catalog, priceRise), ask("auto", prompt)).trace();

        assertThat(candidate(before, "v/mid").expectedCostUsd()).isEqualTo((1000 * 1.0 + 300 * 4.0) / 1e6);
        assertThat(before.model().id()).isEqualTo("v/mid");
        assertThat(candidate(after, "v/mid").expectedCostUsd()).isEqualTo((1000 * 10.0 + 300 * 40.0) / 1e6);
        assertThat(after.model().id()).isEqualTo("v/strong"); // $5/$20 now undercuts the risen $10/$40
    }

    private static RouterStage pricedAt(Catalog catalog, Instant now) {
        RouterServices services = RouterFixtures.services().withClock(Clock.fixed(now, ZoneOffset.UTC));
        return new RouterStage(catalog, RoutingConfig.DEFAULTS, services, () -> RouterFixtures.QUALITY);
    }

    @Test
    void aConcreteModelNameIsServedDirectlyAndSaysSo() {
        Trace trace = run(router, ask("v/strong", "an easy one")).trace();

        assertThat(trace.model().id()).isEqualTo("v/strong");
        assertThat(trace.route()).isEqualTo("direct");
        assertThat(trace.decision()).isEqualTo("chosen=v/strong; policy=pinned");
        assertThat(trace.routingDecision()).isNull();
    }

    @Test
    void anUnknownModelNameIsStillA404ThatPointsAtTheModelList() {
        assertThatThrownBy(() -> run(router, ask("v/nope", "hi")))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_UNKNOWN_MODEL);
                    assertThat(e.code()).isEqualTo("model_not_found");
                    assertThat(e.getMessage()).contains("v/nope").contains("/v1/models");
                });
    }

    @Test
    void aConcreteModelLackingACapabilityIsStillRefusedNamingTheField() {
        assertThatThrownBy(() -> run(router, RouterFixtures.askWithImage("v/cheap", "what is this?")))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_UNSUPPORTED_FEATURE);
                    assertThat(e.param()).isEqualTo("messages[0].content[1]");
                });
    }

    @Test
    void aNamedRouteRanksOnlyItsCandidatesWithItsPolicy() {
        RouterStage withRoute = RouterFixtures.router(routes(RouterFixtures.route("premium", "best-within-budget",
                List.of("v/cheap", "v/mid"), Map.of())));

        Trace trace = run(withRoute, ask("premium", "an easy one")).trace();

        assertThat(trace.model().id()).isEqualTo("v/mid");
        assertThat(trace.route()).isEqualTo("premium");
        assertThat(trace.targets()).extracting(ModelEntry::id).containsExactly("v/mid", "v/cheap");
    }

    @Test
    void theModelListShowsVirtualModelsThenRoutes() {
        RouterStage withRoute = RouterFixtures.router(routes(RouterFixtures.route("support", "cheapest-meeting-bar",
                List.of(), Map.of())));

        assertThat(withRoute.listed()).extracting(VirtualModels.Listed::id)
                .startsWith("auto", "auto:coding").contains("fast", "best").endsWith("support");
        assertThat(withRoute.listed().getLast().kind()).isEqualTo("route");
    }

    @Test
    void eachSuccessfulAttemptsLatencyFeedsTheLiveStats() {
        ScriptedUpstream upstream = new ScriptedUpstream().takes("v/cheap", 120);
        run(router, upstream, ask("auto", "an easy one"), Map.of());

        Trace next = run(router, ask("auto", "an easy one")).trace();

        assertThat(candidate(next, "v/cheap").expectedLatencyMs()).isEqualTo(120.0);
        assertThat(candidate(next, "v/mid").expectedLatencyMs()).isNaN();
    }

    private static Candidate candidate(Trace trace, String model) {
        return trace.routingDecision().ranked().stream().filter(c -> c.model().equals(model)).findFirst().orElseThrow();
    }
}
