package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With no keys and no config, the gateway serves simulated sandbox models that honour the request's shape. */
class SandboxModeTest {
    static ArbiterServer server;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = GatewayHarness.sandbox();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRealModelNameIsServedByItsSandboxTwinAndSaysSo() throws Exception {
        HttpResponse<String> res = post("""
                {"model": "gpt-5.4", "messages": [{"role": "user", "content": "Hello"}]}""");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("x-arbiter-model")).hasValue("sandbox/gpt-5.4");
        assertThat(res.headers().firstValue("x-arbiter-provider")).hasValue("sandbox");
        assertThat(new java.math.BigDecimal(res.headers().firstValue("x-arbiter-cost-usd").orElseThrow())).isPositive();
        JsonNode body = Json.parse(res.body());
        assertThat(body.at("/choices/0/message/content").asText()).contains("sandbox");
        assertThat(body.at("/usage/prompt_tokens").asLong()).isPositive();
    }

    @Test
    void aForcedToolCallHasArgumentsShapedByTheSchema() throws Exception {
        HttpResponse<String> res = post("""
                {"model": "sandbox/claude-sonnet-4-6", "messages": [{"role": "user", "content": "Book it"}],
                 "tools": [{"type": "function", "function": {"name": "book", "parameters": {"type": "object",
                   "properties": {"seats": {"type": "integer", "minimum": 1, "maximum": 4},
                                  "cabin": {"type": "string", "enum": ["economy", "business"]}},
                   "required": ["seats", "cabin"]}}}],
                 "tool_choice": {"type": "function", "function": {"name": "book"}}}""");

        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode args = Json.parse(Json.parse(res.body()).at("/choices/0/message/tool_calls/0/function/arguments").asText());
        assertThat(args.get("seats").asInt()).isBetween(1, 4);
        assertThat(args.get("cabin").asText()).isIn("economy", "business");
    }

    @Test
    void listsOnlySandboxModelsBesideTheVirtualOnes() throws Exception {
        HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/models"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(Json.parse(res.body()).get("data")).isNotEmpty()
                .filteredOn(m -> !m.get("owned_by").asText().equals("arbiter"))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.get("id").asText()).startsWith("sandbox/"));
    }
}
