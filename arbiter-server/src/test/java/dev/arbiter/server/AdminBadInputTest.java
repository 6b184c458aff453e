package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed admin payloads and queries: each a 400 in the OpenAI error shape naming the field, never a 500. */
class AdminBadInputTest {
    private static final AdminHarness GATEWAY = new AdminHarness();

    @AfterAll
    static void close() {
        GATEWAY.close();
    }

    private static JsonNode badRequest(AdminHarness.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        JsonNode error = reply.error();
        assertThat(error.get("type").asText()).isEqualTo("caller_invalid_request");
        assertThat(error.get("message").asText()).isNotBlank();
        return error;
    }

    @ParameterizedTest(name = "{0} -> param {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"user\":\"u\"}                                            | team",
            "{\"team\":\"t\"}                                            | user",
            "{\"user\":5,\"team\":\"t\"}                                 | user",
            "{\"user\":\"  \",\"team\":\"t\"}                            | user",
            "{\"user\":\"u\",\"team\":\"t\",\"teams\":\"x\"}             | teams",
            "{\"user\":\"u\",\"team\":\"t\",\"budget\":{\"usd\":-1}}     | budget.usd",
            "{\"user\":\"u\",\"team\":\"t\",\"budget\":{\"usd\":\"50\"}} | budget.usd",
            "{\"user\":\"u\",\"team\":\"t\",\"budget\":{\"usd\":1e400}}  | budget.usd",
            "{\"user\":\"u\",\"team\":\"t\",\"budget\":{}}               | budget.usd",
            "{\"user\":\"u\",\"team\":\"t\",\"budget\":50}               | budget",
            "{\"user\":\"u\",\"team\":\"t\",\"budget\":{\"usd\":5,\"period\":\"year\"}}  | budget.period",
            "{\"user\":\"u\",\"team\":\"t\",\"budget\":{\"usd\":5,\"perod\":\"day\"}}    | budget.perod",
            "{\"user\":\"u\",\"team\":\"t\",\"models\":\"auto\"}         | models",
            "{\"user\":\"u\",\"team\":\"t\",\"models\":[\"auto\",7]}     | models[1]",
            "{\"user\":\"u\",\"team\":\"t\",\"limits\":{\"rpm\":0}}      | limits.rpm",
            "{\"user\":\"u\",\"team\":\"t\",\"limits\":{\"tpm\":1.5}}    | limits.tpm",
            "{\"user\":\"u\",\"team\":\"t\",\"limits\":{\"rpm\":\"60\"}} | limits.rpm",
            "{\"user\":\"u\",\"team\":\"t\",\"limits\":{\"rps\":1}}      | limits.rps",
    })
    void aBadKeySpecIs400NamingTheField(String body, String param) {
        JsonNode error = badRequest(GATEWAY.post("/admin/keys", body));
        assertThat(error.get("param").asText()).isEqualTo(param);
        assertThat(error.get("message").asText()).contains(param);
        assertThat(GATEWAY.keys.list()).isEmpty();
    }

    @Test
    void aNegativeBudgetSaysItMustBeZeroOrMore() {
        JsonNode error = badRequest(GATEWAY.post("/admin/keys", "{\"user\":\"u\",\"team\":\"t\",\"budget\":{\"usd\":-0.5}}"));
        assertThat(error.get("message").asText()).contains("zero or more").contains("-0.5");
    }

    @Test
    void malformedJsonIs400SayingWhere() {
        JsonNode error = badRequest(GATEWAY.post("/admin/keys", "{\"user\":\"u\",\"team\":"));
        assertThat(error.get("code").asText()).isEqualTo("invalid_json");
        assertThat(error.get("message").asText()).contains("line 1");
    }

    @Test
    void aBodyThatIsNotAnObjectOrIsMissingIs400() {
        assertThat(badRequest(GATEWAY.post("/admin/keys", "[1,2]")).get("message").asText()).contains("JSON object");
        assertThat(badRequest(GATEWAY.post("/admin/keys", "")).get("code").asText()).isEqualTo("missing_body");
    }

    @ParameterizedTest(name = "{0} -> param {1}")
    @CsvSource(delimiter = '|', value = {
            "by=cost                          | by",
            "by=team&by=key                   | by",
            "from=yesterday                   | from",
            "to=2026-13-01                    | to",
            "from=2026-05-10&to=2026-05-01    | from",
            "from=2026-05-01&to=2026-05-01    | from",
            "group=team                       | group",
    })
    void aBadCostQueryIs400NamingTheParameter(String query, String param) {
        JsonNode error = badRequest(GATEWAY.get("/admin/costs?" + query));
        assertThat(error.get("param").asText()).isEqualTo(param);
    }

    @Test
    void anOffsetTimeWithAnUnencodedPlusIsStillRead() {
        assertThat(GATEWAY.get("/admin/costs?from=2026-05-01T02:00:00+02:00").status()).isEqualTo(200);
        assertThat(GATEWAY.costs.from).hasToString("2026-05-01T00:00:00Z");
    }
}
