package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.json.Json;
import dev.arbiter.core.router.DecisionHeader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With no keys, the virtual models route among the sandbox twins of the built-in catalog with the shipped profile. */
class RoutingSandboxTest {
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

    private static HttpResponse<String> post(String model, String prompt) throws Exception {
        String body = Json.text(Json.object().put("model", model).set("messages",
                Json.array().add(Json.object().put("role", "user").put("content", prompt))));
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyVirtualModelPicksASandboxTwinAndExplainsWhy() throws Exception {
        for (String model : new String[] {"auto", "auto:math", "fast", "best"}) {
            HttpResponse<String> res = post(model, "What is 17 times 23?");

            assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
            assertThat(res.headers().firstValue("x-arbiter-route")).hasValue(model);
            assertThat(res.headers().firstValue("x-arbiter-model")).hasValueSatisfying(
                    id -> assertThat(id).startsWith("sandbox/"));
            Map<String, String> decision = DecisionHeader.parse(res.headers().firstValue("x-arbiter-decision").orElseThrow());
            assertThat(decision).containsKeys("task", "difficulty", "bar", "chosen", "runner_up", "policy");
            assertThat(decision.get("chosen")).startsWith(res.headers().firstValue("x-arbiter-model").orElseThrow());
        }
    }
}
