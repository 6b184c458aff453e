package dev.arbiter.server;

import static dev.arbiter.server.ErrorReplies.assertParam;
import static dev.arbiter.server.ErrorReplies.checked;
import static dev.arbiter.server.ErrorReplies.openAiError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.router.DecisionHeader;
import dev.arbiter.testing.fake.ScriptedReply;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing end to end over HTTP (see {@link RoutingHarness}): {@code model: "auto"} sends an easy chat question to
 * the cheap model and a hard coding task to the strong one, every response says where it went and why, and bad
 * routing input is a 400 in OpenAI's error shape.
 */
class RoutingGatewayTest {
    static final String EASY = "What is the capital of France?";
    static final String HARD = "Implement a lock-free concurrent skip list in C++ with memory reclamation"
            + " (hazard pointers or epochs), supporting insert, erase and find.";

    static RoutingHarness gw;

    @BeforeAll
    static void start() {
        gw = new RoutingHarness();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @BeforeEach
    void answersByDefault() {
        gw.cheap.setDefault(ScriptedReply.text("Paris.", Usage.of(20, 3)));
        gw.strong.setDefault(ScriptedReply.text("Here is the skip list...", Usage.of(40, 900)));
    }

    static String chat(String model, String prompt, String extra) {
        return Json.text(Json.object().put("model", model)
                .set("messages", Json.array().add(Json.object().put("role", "user").put("content", prompt))))
                .replaceFirst("}$", extra.isEmpty() ? "}" : "," + extra + "}");
    }

    @Test
    void autoSendsAnEasyChatQuestionToTheCheapModel() {
        int strongCalls = gw.strong.received().size();

        HttpResponse<String> res = gw.post("/v1/chat/completions", chat("auto", EASY, ""));

        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(gw.cheap.lastRequest().body().at("/model").asText()).isEqualTo("mini-upstream");
        assertThat(gw.strong.received()).hasSize(strongCalls);
        assertThat(Json.parse(res.body()).at("/model").asText()).isEqualTo("acme/mini");
        assertThat(res.headers().firstValue("x-arbiter-route")).hasValue("auto");
        assertThat(res.headers().firstValue("x-arbiter-model")).hasValue("acme/mini");
        Map<String, String> decision = decision(res);
        assertThat(decision.get("task")).isEqualTo("chat");
        assertThat(decision.get("bar")).isEqualTo("0.80");
        assertThat(decision.get("chosen")).startsWith("acme/mini (p=");
        assertThat(decision.get("runner_up")).startsWith("acme/frontier (p=");
        assertThat(decision.get("policy")).isEqualTo("cheapest-meeting-bar");
    }

    @Test
    void autoSendsAHardCodingTaskToTheStrongModel() {
        int cheapCalls = gw.cheap.received().size();

        HttpResponse<String> res = gw.post("/v1/chat/completions", chat("auto", HARD, ""));

        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(gw.strong.lastRequest().body().at("/model").asText()).isEqualTo("frontier-upstream");
        assertThat(gw.cheap.received()).hasSize(cheapCalls);
        assertThat(res.headers().firstValue("x-arbiter-model")).hasValue("acme/frontier");
        Map<String, String> decision = decision(res);
        assertThat(decision.get("task")).isEqualTo("coding");
        assertThat(decision.get("chosen")).startsWith("acme/frontier (p=");
        assertThat(Double.parseDouble(decision.get("difficulty"))).isGreaterThan(
                Double.parseDouble(decision(gw.post("/v1/chat/completions", chat("auto", EASY, ""))).get("difficulty")));
    }

    @Test
    void aStricterBarFromTheHeaderMovesTheEasyQuestionToTheStrongModel() {
        HttpResponse<String> res = gw.post("/v1/chat/completions", chat("auto", EASY, ""),
                "x-arbiter-quality-bar", "0.99");

        assertThat(res.headers().firstValue("x-arbiter-model")).hasValue("acme/frontier");
        assertThat(decision(res).get("bar")).isEqualTo("0.99");
    }

    @Test
    void anAnthropicClientCanAskForAutoToo() {
        HttpResponse<String> res = gw.post("/v1/messages", """
                {"model": "auto", "max_tokens": 100, "messages": [{"role": "user", "content": "%s"}]}""".formatted(EASY),
                "anthropic-version", "2023-06-01");

        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(res.headers().firstValue("x-arbiter-route")).hasValue("auto");
        assertThat(Json.parse(res.body()).at("/model").asText()).isEqualTo("acme/mini");
    }

    @Test
    void aStreamedAnswerCarriesTheRoutingHeadersToo() {
        HttpResponse<String> res = gw.post("/v1/chat/completions", chat("auto:coding", EASY, "\"stream\": true"));

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        assertThat(res.headers().firstValue("x-arbiter-route")).hasValue("auto:coding");
        assertThat(decision(res).get("task")).isEqualTo("coding (forced)");
        assertThat(res.body()).contains("[DONE]");
    }

    @Test
    void aFailedChoiceFallsBackToTheRunnerUpAndSaysSo() {
        gw.cheap.enqueue(ScriptedReply.error(500, "boom"));

        HttpResponse<String> res = checked(gw.post("/v1/chat/completions", chat("auto", EASY, "")));

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("x-arbiter-model")).hasValue("acme/frontier");
        assertThat(res.headers().firstValue("x-arbiter-attempts")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("acme/mini=provider_error").contains("acme/frontier=ok"));
        assertThat(decision(res).get("chosen")).startsWith("acme/mini");
    }

    @Test
    void anUpstreamFailureOfEveryTargetStillSaysWhereItWentAndWhy() {
        gw.cheap.enqueue(ScriptedReply.error(500, "boom"));
        gw.strong.enqueue(ScriptedReply.error(500, "boom"));

        HttpResponse<String> res = checked(gw.post("/v1/chat/completions", chat("auto", EASY, "")));

        openAiError(res, 502, "provider_error");
        assertThat(res.headers().firstValue("x-arbiter-route")).hasValue("auto");
        assertThat(decision(res).get("chosen")).startsWith("acme/mini");
    }

    @Test
    void aDirectRequestSaysItsRouteIsDirect() {
        HttpResponse<String> res = gw.post("/v1/chat/completions", chat("acme/frontier", EASY, ""));

        assertThat(res.headers().firstValue("x-arbiter-route")).hasValue("direct");
        assertThat(res.headers().firstValue("x-arbiter-decision")).hasValue("chosen=acme/frontier; policy=pinned");
    }

    @Test
    void aCascadeEscalatesARefusalFromTheCheapModelToTheStrongOne() {
        gw.cheap.enqueue(ScriptedReply.text("I'm sorry, but I can't help with that.", Usage.of(20, 9)));

        HttpResponse<String> res = gw.post("/v1/chat/completions", chat("careful", EASY, ""));

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("x-arbiter-route")).hasValue("careful");
        assertThat(res.headers().firstValue("x-arbiter-model")).hasValue("acme/frontier");
        assertThat(decision(res).get("tries")).isEqualTo("acme/mini:rejected(refusal),acme/frontier:accepted");
        assertThat(res.headers().firstValue("x-arbiter-attempts").orElseThrow())
                .startsWith("acme/mini=ok;").contains(", acme/frontier=ok;");
    }

    @Test
    void aRouteWhoseModelsCannotServeTheRequestIsA400NamingWhy() {
        String image = "\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"What is it?\"},"
                + " {\"type\": \"image_url\", \"image_url\": {\"url\": \"https://example.com/a.png\"}}]}]";

        HttpResponse<String> res = checked(gw.post("/v1/chat/completions", "{\"model\": \"mini-only\", " + image + "}"));

        JsonNode error = assertParam(openAiError(res, 400, "caller_invalid_request"), "model", "no_eligible_model");
        assertThat(error.path("message").asText()).isEqualTo("No model can serve this request on 'mini-only':"
                + " acme/mini: lacks image input (capability 'vision', needed by messages[0].content[1]).");
        assertThat(res.headers().firstValue("x-arbiter-route")).isEmpty();
    }

    @Test
    void anUnknownTaskAfterAutoIsA400ListingTheValidOnes() {
        HttpResponse<String> res = checked(gw.post("/v1/chat/completions", chat("auto:poetry", EASY, "")));

        JsonNode error = assertParam(openAiError(res, 400, "caller_invalid_request"), "model", "invalid_value");
        assertThat(error.path("message").asText()).contains("poetry").contains("coding").contains("long_context");
    }

    @Test
    void anUnknownRouteNameIsAnUnknownModelAsBefore() {
        HttpResponse<String> res = checked(gw.post("/v1/chat/completions", chat("carefull", EASY, "")));

        assertParam(openAiError(res, 404, "caller_unknown_model"), "model", "model_not_found");
    }

    @Test
    void aQualityBarHeaderThatIsNotAProbabilityIsA400NamingTheHeader() {
        for (String bad : List.of("1.5", "high", "-0.2")) {
            HttpResponse<String> res = checked(gw.post("/v1/chat/completions", chat("auto", EASY, ""),
                    "x-arbiter-quality-bar", bad));

            JsonNode error = assertParam(openAiError(res, 400, "caller_invalid_request"), "x-arbiter-quality-bar",
                    "invalid_value");
            assertThat(error.path("message").asText()).contains("x-arbiter-quality-bar").contains(bad);
        }
    }

    @Test
    void aCostCapHeaderThatIsNotANumberIsA400NamingTheHeader() {
        HttpResponse<String> res = checked(gw.post("/v1/chat/completions", chat("best", EASY, ""),
                "x-arbiter-max-cost-usd", "lots"));

        assertParam(openAiError(res, 400, "caller_invalid_request"), "x-arbiter-max-cost-usd", "invalid_value");
    }

    @Test
    void theModelListShowsVirtualModelsAndRoutesOwnedByArbiter() {
        JsonNode openAi = Json.parse(gw.get("/v1/models").body()).get("data");
        JsonNode anthropic = Json.parse(gw.get("/v1/models", "anthropic-version", "2023-06-01").body()).get("data");

        assertThat(openAi).extracting(m -> m.get("id").asText())
                .startsWith("acme/mini", "acme/frontier", "auto", "auto:coding")
                .contains("fast", "best").endsWith("careful", "mini-only");
        assertThat(openAi.get(2).get("owned_by").asText()).isEqualTo("arbiter");
        assertThat(openAi.get(openAi.size() - 1).at("/arbiter/kind").asText()).isEqualTo("route");
        assertThat(anthropic).extracting(m -> m.get("id").asText()).contains("auto", "careful");
        assertThat(anthropic).allSatisfy(m -> assertThat(m.get("type").asText()).isEqualTo("model"));
    }

    static Map<String, String> decision(HttpResponse<String> res) {
        return DecisionHeader.parse(res.headers().firstValue("x-arbiter-decision").orElseThrow());
    }
}
