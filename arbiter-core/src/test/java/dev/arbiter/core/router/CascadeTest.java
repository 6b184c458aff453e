package dev.arbiter.core.router;

import static dev.arbiter.core.router.RouterFixtures.ask;
import static dev.arbiter.core.router.RouterFixtures.route;
import static dev.arbiter.core.router.RouterFixtures.routes;
import static dev.arbiter.core.router.RouterFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.pipeline.AttemptRecord;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Trace;
import dev.arbiter.core.routing.RoutingDecision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cascade route: cheapest model meeting the first-try bar first, answers verified, stronger models on failure.
 * With RouterFixtures' numbers a middling chat prompt gives cheap 0.62, mid 0.82, strong 0.97: at the default
 * first-try bar 0.5 the plan is cheap, then mid (cheapest stronger one meeting 0.8), then strong.
 */
class CascadeTest {
    private static final List<String> THREE = List.of("v/cheap", "v/mid", "v/strong");

    private static RouterStage cascade(Map<String, Object> options) {
        return RouterFixtures.router(routes(route("careful", "cascade", THREE, options)));
    }

    @Test
    void aGoodFirstAnswerFromTheCheapModelIsKept() {
        ScriptedUpstream upstream = new ScriptedUpstream();
        Trace trace = run(cascade(Map.of()), upstream, ask("careful", "what about this?"), Map.of()).trace();

        assertThat(upstream.calledModels()).containsExactly("v/cheap");
        assertThat(trace.model().id()).isEqualTo("v/cheap");
        assertThat(trace.routingDecision().tries()).containsExactly(new RoutingDecision.Try("v/cheap", true, "accepted"));
        assertThat(trace.routingDecision().ranked()).extracting(c -> c.model()).containsExactly(THREE.toArray(String[]::new));
        assertThat(trace.decision()).endsWith("; tries=v/cheap:accepted");
    }

    @Test
    void aRefusalEscalatesToTheNextStrongerModel() {
        ScriptedUpstream upstream = new ScriptedUpstream().script("v/cheap", "I'm sorry, but I can't help with that.");

        Trace trace = run(cascade(Map.of()), upstream, ask("careful", "what about this?"), Map.of()).trace();

        assertThat(upstream.calledModels()).containsExactly("v/cheap", "v/mid");
        assertThat(trace.model().id()).isEqualTo("v/mid");
        assertThat(trace.attempts()).extracting(AttemptRecord::model).containsExactly("v/cheap", "v/mid");
        assertThat(trace.decision()).contains("tries=v/cheap:rejected(refusal),v/mid:accepted");
    }

    @Test
    void aFailedCallEscalatesToo() {
        ScriptedUpstream upstream = new ScriptedUpstream()
                .script("v/cheap", new ArbiterException(ErrorKind.PROVIDER_TIMEOUT, "slow"));

        Trace trace = run(cascade(Map.of()), upstream, ask("careful", "what about this?"), Map.of()).trace();

        assertThat(trace.model().id()).isEqualTo("v/mid");
        assertThat(trace.routingDecision().tries()).first()
                .isEqualTo(new RoutingDecision.Try("v/cheap", false, "error(provider_timeout)"));
    }

    @Test
    void invalidJsonIsRejectedWhenTheRequestAskedForJson() {
        ScriptedUpstream upstream = new ScriptedUpstream().script("v/cheap", "Sure! Here it is: {\"city\": ")
                .script("v/mid", "{\"name\": \"Paris\"}").script("v/strong", "{\"city\": \"Paris\"}");
        ChatRequest json = schemaRequest();

        Trace trace = run(cascade(Map.of()), upstream, json, Map.of()).trace();

        assertThat(trace.decision()).contains("tries=v/cheap:rejected(not_json),v/mid:rejected(missing_key),"
                + "v/strong:accepted");
    }

    @Test
    void whenNoAnswerPassesTheLastOneIsReturnedAndMarked() {
        ScriptedUpstream upstream = new ScriptedUpstream().script("v/cheap", "ok").script("v/mid", "ok")
                .script("v/strong", "ok");

        Trace trace = run(cascade(Map.of("checks", Map.of("min_length", 10L))), upstream,
                ask("careful", "what about this?"), Map.of()).trace();

        assertThat(upstream.calledModels()).containsExactly("v/cheap", "v/mid", "v/strong");
        assertThat(trace.model().id()).isEqualTo("v/strong");
        assertThat(trace.routingDecision().tries()).allMatch(t -> !t.accepted());
    }

    @Test
    void whenEveryCallFailsTheLastErrorIsThrownAndTheTriesAreStillRecorded() {
        ArbiterException down = new ArbiterException(ErrorKind.PROVIDER_UNAVAILABLE, "down");
        ScriptedUpstream upstream = new ScriptedUpstream().script("v/cheap", down).script("v/mid", down)
                .script("v/strong", down);
        Exchange exchange = RouterFixtures.exchange(ask("careful", "what about this?"), Map.of());

        assertThatThrownBy(() -> new dev.arbiter.core.pipeline.Pipeline(List.of(cascade(Map.of()), upstream))
                .run(exchange)).isSameAs(down);
        assertThat(exchange.trace().routingDecision().tries()).hasSize(3);
    }

    @Test
    void maxTriesBoundsTheEscalation() {
        ScriptedUpstream upstream = new ScriptedUpstream().script("v/cheap", "").script("v/mid", "");

        run(cascade(Map.of("max_tries", 2L)), upstream, ask("careful", "what about this?"), Map.of());

        assertThat(upstream.calledModels()).containsExactly("v/cheap", "v/mid");
    }

    @Test
    void aRegexCheckRejectsAnswersWithoutAMatch() {
        ScriptedUpstream upstream = new ScriptedUpstream().script("v/cheap", "no ticket here")
                .script("v/mid", "Ticket: ABC-123");

        Trace trace = run(cascade(Map.of("checks", Map.of("regex", "[A-Z]+-\\d+"))), upstream,
                ask("careful", "what about this?"), Map.of()).trace();

        assertThat(trace.model().id()).isEqualTo("v/mid");
    }

    @Test
    void theJudgeModelsNoEscalatesAndItsCallIsAnAttempt() {
        ScriptedUpstream upstream = new ScriptedUpstream().script("v/strong", "no", "yes");

        Trace trace = run(cascade(Map.of("judge", "v/strong")), upstream, ask("careful", "what about this?"),
                Map.of()).trace();

        assertThat(upstream.calledModels()).containsExactly("v/cheap", "v/strong", "v/mid", "v/strong");
        assertThat(trace.model().id()).isEqualTo("v/mid");
        assertThat(trace.decision()).contains("tries=v/cheap:rejected(judge),v/mid:accepted");
        assertThat(trace.attempts()).hasSize(4);
        ChatRequest grading = upstream.calls.get(1).request();
        assertThat(grading.messages().getLast().text()).contains("what about this?").contains("answer from v/cheap");
    }

    @Test
    void aJudgeThatAnswersNeitherYesNorNoDoesNotBlockTheAnswer() {
        ScriptedUpstream upstream = new ScriptedUpstream().script("v/strong", "Let me think about it.");

        Trace trace = run(cascade(Map.of("judge", "v/strong")), upstream, ask("careful", "what about this?"),
                Map.of()).trace();

        assertThat(trace.model().id()).isEqualTo("v/cheap");
    }

    @Test
    void aStreamedRequestOnACascadeRouteGetsASinglePickAtTheRoutesBar() {
        ScriptedUpstream upstream = new ScriptedUpstream();
        ChatRequest stream = ask("careful", "what about this?").toBuilder().stream(true).build();

        Trace trace = run(cascade(Map.of()), upstream, stream, Map.of()).trace();

        assertThat(upstream.calledModels()).containsExactly("v/mid");
        assertThat(trace.routingDecision().reason()).startsWith("stream, so a single pick");
        assertThat(trace.routingDecision().tries()).isEmpty();
    }

    @Test
    void thePlanStartsAtTheFirstTryBarAndClimbsByLikelihood() {
        var cheap = new dev.arbiter.core.routing.Candidate("cheap", 0.55, 0.001, Double.NaN);
        var weakButPricey = new dev.arbiter.core.routing.Candidate("pricey", 0.50, 0.05, Double.NaN);
        var mid = new dev.arbiter.core.routing.Candidate("mid", 0.85, 0.01, Double.NaN);
        var top = new dev.arbiter.core.routing.Candidate("top", 0.95, 0.04, Double.NaN);
        var topCheaper = new dev.arbiter.core.routing.Candidate("top2", 0.90, 0.02, Double.NaN);

        assertThat(CascadePlan.order(List.of(top, mid, cheap, weakButPricey, topCheaper), 0.5, 0.8, 5))
                .extracting(c -> c.model()).containsExactly("cheap", "mid", "top2", "top");
        assertThat(CascadePlan.order(List.of(top, mid, cheap), 0.99, 0.99, 5))
                .extracting(c -> c.model()).containsExactly("top");
    }

    @Test
    void badCascadeOptionsNameTheirKeyPath() {
        assertThatThrownBy(() -> CascadeOptions.parse(Map.of("first_try_bar", 2L)))
                .hasMessageStartingWith("first_try_bar: ");
        assertThatThrownBy(() -> CascadeOptions.parse(Map.of("checks", Map.of("regex", "(")))).hasMessageStartingWith(
                "checks.regex: not a valid regular expression");
        assertThatThrownBy(() -> CascadeOptions.parse(Map.of("checks", Map.of("jsn", true))))
                .hasMessageStartingWith("checks.jsn: unknown cascade option");
        assertThatThrownBy(() -> CascadeOptions.parse(Map.of("max_tries", 0L))).hasMessageStartingWith("max_tries: ");
    }

    private static ChatRequest schemaRequest() {
        var schema = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse("""
                {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}""");
        return ask("careful", "what about this?").toBuilder()
                .responseFormat(ResponseFormat.jsonSchema("city", schema, true)).build();
    }
}
