package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import dev.arbiter.testing.fake.AnthropicFakeUpstream;
import dev.arbiter.testing.fake.ScriptedReply;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/messages/count_tokens} in front of the fake upstreams: Anthropic's own count for a model served by
 * Anthropic, Arbiter's estimate for any other, errors in Anthropic's shape; and the caller's anthropic-beta header
 * on its way to Anthropic upstreams only.
 */
class CountTokensEndpointTest {
    private static final String PATH = "/v1/messages/count_tokens";
    private final GatewayHarness harness = new GatewayHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    private static String body(String model) {
        return """
                {"model":"%s","system":"Be brief.","messages":[{"role":"user","content":"Hello, world"}]}""".formatted(model);
    }

    private HttpResponse<String> post(String path, String body, String beta) {
        HttpRequest.Builder request = HttpRequest.newBuilder(harness.baseUrl().resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return harness.send(beta == null ? request.build() : request.header("anthropic-beta", beta).build());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.parse(response.body());
    }

    private static String kind(HttpResponse<String> response) {
        return response.headers().firstValue("x-arbiter-token-count").orElse(null);
    }

    @Test
    void aModelServedByAnthropicGetsAnthropicsExactCount() {
        harness.anthropic.enqueue(AnthropicFakeUpstream.tokenCount(1234));

        HttpResponse<String> response = harness.post(PATH, body("test/claude"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(Json.parse("{\"input_tokens\":1234}"));
        assertThat(kind(response)).isEqualTo("exact");
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
        var sent = harness.anthropic.lastRequest();
        assertThat(sent.pathAndQuery()).isEqualTo("/v1/messages/count_tokens");
        assertThat(sent.header("x-api-key")).isEqualTo("sk-fake-anthropic");
        assertThat(sent.body().get("model").asText()).isEqualTo("claude-upstream");
        assertThat(sent.body().has("max_tokens")).isFalse();
    }

    @Test
    void anyOtherModelGetsArbitersEstimateWithoutAnUpstreamCall() {
        HttpResponse<String> response = harness.post(PATH, body("test/gpt"));

        assertThat(response.statusCode()).isEqualTo(200);
        // "Be brief." and "Hello, world" are 3 tokens each, plus 3 per message and 3 to prime the reply
        assertThat(json(response)).isEqualTo(Json.parse("{\"input_tokens\":15}"));
        assertThat(kind(response)).isEqualTo("estimate");
        assertThat(harness.openai.received()).isEmpty();
    }

    @Test
    void aVirtualModelGetsTheEstimateSinceOnlyACallPicksItsModel() {
        HttpResponse<String> response = harness.post(PATH, body("auto"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("input_tokens").intValue()).isEqualTo(15);
        assertThat(kind(response)).isEqualTo("estimate");
    }

    @Test
    void anUnknownModelIsA404InAnthropicsShape() {
        HttpResponse<String> response = harness.post(PATH, body("test/no-such-model"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("type").asText()).isEqualTo("error");
        assertThat(json(response).at("/error/type").asText()).isEqualTo("not_found_error");
        assertThat(json(response).at("/error/message").asText()).contains("test/no-such-model");
    }

    @Test
    void aBadBodyIsA400NamingTheFieldAndMaxTokensIsNotACountField() {
        HttpResponse<String> missing = harness.post(PATH, "{\"model\":\"test/claude\"}");
        HttpResponse<String> maxTokens = harness.post(PATH,
                "{\"model\":\"test/claude\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        HttpResponse<String> garbage = harness.post(PATH, "{not json");

        for (HttpResponse<String> response : java.util.List.of(missing, maxTokens, garbage)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).at("/error/type").asText()).isEqualTo("invalid_request_error");
        }
        assertThat(json(missing).at("/error/message").asText()).contains("messages");
        assertThat(json(maxTokens).at("/error/message").asText()).contains("max_tokens");
        assertThat(harness.anthropic.received()).isEmpty();
    }

    @Test
    void anUpstreamCountFailureIsMappedAsForACall() {
        harness.anthropic.enqueue(ScriptedReply.rateLimited("Too many count requests", Duration.ofSeconds(3)));

        HttpResponse<String> response = harness.post(PATH, body("test/claude"));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(json(response).at("/error/type").asText()).isEqualTo("rate_limit_error");
        assertThat(json(response).at("/error/message").asText()).contains("Too many count requests");
        assertThat(response.headers().firstValue("retry-after")).hasValue("3");
    }

    @Test
    void onlyPostIsServed() {
        HttpResponse<String> response = harness.get(PATH);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("POST");
    }

    @Test
    void theCallersAnthropicBetaReachesAnAnthropicUpstreamOnMessagesAndCounts() {
        harness.anthropic.enqueue(ScriptedReply.text("Hi!", dev.arbiter.core.chat.Usage.of(5, 2)),
                AnthropicFakeUpstream.tokenCount(9));
        String message = "{\"model\":\"test/claude\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

        assertThat(post("/v1/messages", message, "context-1m-2025-08-07").statusCode()).isEqualTo(200);
        assertThat(post(PATH, body("test/claude"), "context-1m-2025-08-07").statusCode()).isEqualTo(200);

        assertThat(harness.anthropic.received()).hasSize(2).allSatisfy(
                sent -> assertThat(sent.header("anthropic-beta")).isEqualTo("context-1m-2025-08-07"));
    }

    @Test
    void anAnthropicBetaIsNotSentToOtherUpstreams() {
        String message = "{\"model\":\"test/gpt\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

        assertThat(post("/v1/messages", message, "context-1m-2025-08-07").statusCode()).isEqualTo(200);

        assertThat(harness.openai.lastRequest().header("anthropic-beta")).isNull();
    }
}
