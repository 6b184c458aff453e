package dev.arbiter.core.router;

import static dev.arbiter.core.router.RouterFixtures.ask;
import static dev.arbiter.core.router.RouterFixtures.route;
import static dev.arbiter.core.router.RouterFixtures.routes;
import static dev.arbiter.core.router.RouterFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Trace;
import dev.arbiter.core.routing.FilteredModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hard filters run before any policy, and when nothing is left the caller learns what removed each model. */
class RouterFiltersTest {
    private static final RoutingConfig ALL_MODELS = routes(route("everything", "cheapest-meeting-bar",
            List.of("v/cheap", "v/mid", "v/strong", "v/legacy", "w/offline"), Map.of()));

    @Test
    void anImageRequestSkipsModelsWithoutVision() {
        Trace trace = run(RouterFixtures.router(RoutingConfig.DEFAULTS),
                RouterFixtures.askWithImage("auto", "an easy one: what is this?")).trace();

        assertThat(trace.model().id()).isEqualTo("v/mid");
        assertThat(reason(trace, "v/cheap")).isEqualTo(
                "lacks image input (capability 'vision', needed by messages[0].content[1])");
    }

    @Test
    void aPromptLargerThanAContextWindowSkipsThatModel() {
        ChatRequest big = ask("auto", "easy " + "x".repeat(12_000)); // 12005 tokens + 4096 answer room > 16000

        Trace trace = run(RouterFixtures.router(RoutingConfig.DEFAULTS), big).trace();

        assertThat(trace.model().id()).isEqualTo("v/mid");
        assertThat(reason(trace, "v/cheap")).isEqualTo("context window 16000 < 16101 needed");
    }

    @Test
    void aRouteListingUnservableModelsReportsEachWithItsReason() {
        Trace trace = run(RouterFixtures.router(ALL_MODELS), ask("everything", "an easy one")).trace();

        assertThat(trace.model().id()).isEqualTo("v/cheap");
        assertThat(trace.routingDecision().filtered()).containsExactly(
                new FilteredModel("v/legacy", "lifecycle", "is deprecated"),
                new FilteredModel("w/offline", "provider", "provider 'absent' is not configured"));
    }

    @Test
    void anUnhealthyModelIsSkipped() {
        RouterServices services = RouterFixtures.services().withHealth(model -> !model.equals("v/cheap"));

        Trace trace = run(RouterFixtures.router(RoutingConfig.DEFAULTS, services), ask("auto", "an easy one")).trace();

        assertThat(trace.model().id()).isEqualTo("v/mid");
        assertThat(reason(trace, "v/cheap")).contains("unhealthy");
    }

    @Test
    void theGovernanceHookRemovesModelsWithItsOwnReason() {
        RouterServices services = RouterFixtures.services().withGovernance((model, features, context) ->
                model.id().equals("v/cheap") ? Optional.of("vendor v is not allowed for team " + context.user())
                        : Optional.empty());
        ChatRequest request = ask("auto", "an easy one").toBuilder().user("finance").build();

        Trace trace = run(RouterFixtures.router(RoutingConfig.DEFAULTS, services), request).trace();

        assertThat(trace.model().id()).isEqualTo("v/mid");
        assertThat(trace.routingDecision().filtered()).contains(
                new FilteredModel("v/cheap", "governance", "vendor v is not allowed for team finance"));
    }

    @Test
    void whenNothingSurvivesTheErrorIsA400NamingWhatRemovedEachModel() {
        RouterStage router = RouterFixtures.router(routes(route("text", "cheapest-meeting-bar",
                List.of("v/cheap", "v/legacy", "w/offline"), Map.of())));

        assertThatThrownBy(() -> run(router, RouterFixtures.askWithImage("text", "what is this?")))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_INVALID_REQUEST);
                    assertThat(e.code()).isEqualTo("no_eligible_model");
                    assertThat(e.getMessage()).isEqualTo("No model can serve this request on 'text': v/cheap: lacks"
                            + " image input (capability 'vision', needed by messages[0].content[1]); v/legacy: is"
                            + " deprecated; w/offline: provider 'absent' is not configured.");
                });
    }

    @Test
    void whenOnlyHealthRemovedEveryModelTheErrorIsA503() {
        RouterServices services = RouterFixtures.services().withHealth(model -> false);
        RouterStage router = RouterFixtures.router(routes(route("pair", "cheapest-meeting-bar",
                List.of("v/cheap", "v/mid"), Map.of())), services);

        assertThatThrownBy(() -> run(router, ask("pair", "hello")))
                .isInstanceOfSatisfying(ArbiterException.class, e ->
                        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE));
    }

    @Test
    void aCostCapRemovesModelsExpectedToCostMoreWhileOneFits() {
        // 1000 input + 300 output tokens: cheap $0.00022, mid $0.0022, strong $0.011
        ChatRequest request = ask("best", "x".repeat(1000));

        Trace trace = run(RouterFixtures.router(RoutingConfig.DEFAULTS), new ScriptedUpstream(), request,
                Map.of("x-arbiter-max-cost-usd", "0.005")).trace();

        assertThat(trace.model().id()).isEqualTo("v/mid");
        assertThat(trace.targets()).extracting(ModelEntry::id).doesNotContain("v/strong");
        assertThat(reason(trace, "v/strong")).isEqualTo("expected $0.011 > cap $0.005");
    }

    @Test
    void aCostCapNoModelFitsLeavesTheChoiceToThePolicy() {
        Trace trace = run(RouterFixtures.router(RoutingConfig.DEFAULTS), new ScriptedUpstream(),
                ask("best", "x".repeat(1000)), Map.of("x-arbiter-max-cost-usd", "0")).trace();

        assertThat(trace.model().id()).isEqualTo("v/cheap"); // best-within-budget: none fits, so the cheapest
        assertThat(trace.routingDecision().filtered()).extracting(FilteredModel::filter).doesNotContain("budget");
    }

    private static String reason(Trace trace, String model) {
        return trace.routingDecision().filtered().stream().filter(f -> f.model().equals(model))
                .map(FilteredModel::reason).findFirst().orElseThrow();
    }
}
