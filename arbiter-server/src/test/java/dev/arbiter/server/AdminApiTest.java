package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.ledger.CostReport;
import dev.arbiter.core.ledger.CostTotals;
import dev.arbiter.core.ledger.GroupBy;
import dev.arbiter.core.tenancy.KeySecrets;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin API over HTTP on 127.0.0.1: issue, list and revoke keys, report costs, and its own auth. */
class AdminApiTest {
    private static final String SPEC = """
            {"user":"u1","team":"t1","budget":{"usd":50,"period":"month"},"models":["auto"],
             "limits":{"rpm":60,"tpm":100000}}""";

    private final AdminHarness gateway = new AdminHarness();

    @AfterEach
    void close() {
        gateway.close();
    }

    @Test
    void issuingAKeyAnswers201WithTheSecretAndWhatItWasIssuedWith() {
        AdminHarness.Reply reply = gateway.post("/admin/keys", SPEC);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("cache-control")).isEqualTo("no-store");
        JsonNode key = reply.json();
        List<String> fields = new ArrayList<>();
        key.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).startsWith("key", "id", "prefix", "user", "team");
        assertThat(key.get("key").asText()).matches("sk-arb-[0-9A-Za-z]{40}");
        assertThat(key.get("prefix").asText()).isEqualTo(key.get("key").asText().substring(0, 12));
        assertThat(key.get("id").asText()).startsWith("key_");
        assertThat(key.get("user").asText()).isEqualTo("u1");
        assertThat(key.get("team").asText()).isEqualTo("t1");
        assertThat(key.get("budget").toString()).isEqualTo("{\"usd\":50,\"period\":\"month\"}");
        assertThat(key.get("models").toString()).isEqualTo("[\"auto\"]");
        assertThat(key.get("limits").toString()).isEqualTo("{\"rpm\":60,\"tpm\":100000}");
        assertThat(Instant.parse(key.get("created_at").asText())).isNotNull();
        assertThat(key.get("revoked_at").isNull()).isTrue();
        assertThat(gateway.authenticator.authenticate(key.get("key").asText()).user()).isEqualTo("u1");
    }

    @Test
    void aKeyNeedsOnlyAUserAndATeam() {
        JsonNode key = gateway.post("/admin/keys", "{\"user\":\"u2\",\"team\":\"t2\"}").json();
        assertThat(key.get("budget").isNull()).isTrue();
        assertThat(key.get("limits").isNull()).isTrue();
        assertThat(key.get("models")).isEmpty();
    }

    @Test
    void aBudgetWithoutAPeriodIsMonthly() {
        JsonNode key = gateway.post("/admin/keys", "{\"user\":\"u\",\"team\":\"t\",\"budget\":{\"usd\":12.5}}").json();
        assertThat(key.get("budget").toString()).isEqualTo("{\"usd\":12.5,\"period\":\"month\"}");
    }

    @Test
    void theListShowsEveryKeyWithoutItsSecretOrHash() {
        String secret = gateway.post("/admin/keys", SPEC).json().get("key").asText();
        gateway.post("/admin/keys", "{\"user\":\"u2\",\"team\":\"t1\"}");

        AdminHarness.Reply reply = gateway.get("/admin/keys");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("object").asText()).isEqualTo("list");
        assertThat(reply.json().get("data")).hasSize(2);
        String body = reply.json().toString();
        assertThat(body).doesNotContain(secret).doesNotContain(KeySecrets.hash(secret)).doesNotContain("\"key\"");
        assertThat(body).contains(KeySecrets.prefix(secret));
    }

    @Test
    void revokingByPrefixStopsTheKeyAtOnceAndRevokingAgainIsHarmless() {
        JsonNode issued = gateway.post("/admin/keys", SPEC).json();
        String secret = issued.get("key").asText();
        gateway.authenticator.authenticate(secret); // now cached for ten minutes

        AdminHarness.Reply revoked = gateway.delete("/admin/keys/" + issued.get("prefix").asText());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("id").asText()).isEqualTo(issued.get("id").asText());
        assertThat(revoked.json().get("revoked_at").isNull()).isFalse();
        assertThatThrownBy(() -> gateway.authenticator.authenticate(secret))
                .isInstanceOf(ArbiterException.class).hasMessageContaining("revoked");
        assertThat(gateway.delete("/admin/keys/" + issued.get("id").asText()).status()).isEqualTo(200);
    }

    @Test
    void revokingAKeyThatDoesNotExistIs404() {
        AdminHarness.Reply reply = gateway.delete("/admin/keys/sk-arb-NOPE0");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("param").asText()).isEqualTo("id");
        assertThat(reply.error().get("message").asText()).contains("sk-arb-NOPE0");
    }

    @Test
    void withoutTheAdminKeyEveryAdminPathIs401() {
        assertThat(gateway.get("/admin/keys", null).status()).isEqualTo(401);
        AdminHarness.Reply wrong = gateway.get("/admin/keys", "not-the-admin-key-at-all");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error().get("type").asText()).isEqualTo("caller_unauthorized");
        assertThat(gateway.send("DELETE", "/admin/keys/x", null).status()).isEqualTo(401);
        assertThat(gateway.get("/admin/costs", null).status()).isEqualTo(401);
        assertThat(gateway.get("/admin/nothing-here", null).status()).isEqualTo(401);
    }

    @Test
    void aVirtualKeyCannotUseTheAdminApi() {
        String secret = gateway.post("/admin/keys", SPEC).json().get("key").asText();
        AdminHarness.Reply reply = gateway.get("/admin/keys", secret);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().get("message").asText()).contains("Virtual keys cannot use the admin API");
    }

    @Test
    void aWrongMethodIs405WithAllowAndAnUnknownPathIs404() {
        AdminHarness.Reply put = gateway.send("PUT", "/admin/keys", AdminHarness.ADMIN_KEY);
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("allow")).isEqualTo("GET, POST");
        assertThat(gateway.send("POST", "/admin/costs", AdminHarness.ADMIN_KEY).header("allow")).isEqualTo("GET");
        AdminHarness.Reply unknown = gateway.get("/admin/users");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().get("message").asText()).contains("/admin/keys").contains("/admin/costs");
    }

    @Test
    void costsAreReportedWithTotalsSavingsAndNamedGroups() {
        Instant from = Instant.parse("2026-05-01T00:00:00Z");
        Instant to = Instant.parse("2026-05-08T00:00:00Z");
        CostTotals t1 = new CostTotals(3, 3000, 1000, 600, 100, new BigDecimal("0.0123"), new BigDecimal("0.0500"));
        CostTotals open = new CostTotals(1, 10, 0, 5, 0, new BigDecimal("0.00000012"), new BigDecimal("0.00000012"));
        gateway.costs.answer = new CostReport(GroupBy.TEAM, from, to, new CostTotals(4, 3010, 1000, 605, 100,
                new BigDecimal("0.01230012"), new BigDecimal("0.05000012")),
                List.of(new CostReport.Group("t1", t1), new CostReport.Group(null, open)));

        AdminHarness.Reply reply = gateway.get("/admin/costs?by=team&from=2026-05-01&to=2026-05-08T00:00:00Z");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(gateway.costs.by).isEqualTo(GroupBy.TEAM);
        assertThat(gateway.costs.from).isEqualTo(from);
        assertThat(gateway.costs.to).isEqualTo(to);
        JsonNode json = reply.json();
        assertThat(json.get("by").asText()).isEqualTo("team");
        assertThat(json.get("from").asText()).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(reply.body()).contains("\"total\":{\"requests\":4,\"cost_usd\":0.01230012,"
                + "\"baseline_cost_usd\":0.05000012,\"savings_usd\":0.0377,\"input_tokens\":3010,"
                + "\"cached_input_tokens\":1000,\"output_tokens\":605,\"reasoning_tokens\":100}");
        assertThat(json.get("groups").get(0).get("team").asText()).isEqualTo("t1");
        assertThat(json.get("groups").get(0).get("savings_usd").decimalValue()).isEqualByComparingTo("0.0377");
        assertThat(json.get("groups").get(1).get("team").isNull()).isTrue();
    }

    @Test
    void costsDefaultToKeysFromTheStartOfThisMonthUntilNow() {
        AdminHarness.Reply reply = gateway.get("/admin/costs");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(gateway.costs.by).isEqualTo(GroupBy.KEY);
        assertThat(gateway.costs.from).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(gateway.costs.to).isEqualTo(AdminHarness.NOW);
        assertThat(reply.json().get("groups")).isEmpty();
        assertThat(reply.json().get("total").get("requests").asLong()).isZero();
    }

    @Test
    void aFailingLedgerIs503NotA500() {
        gateway.costs.down = true;
        AdminHarness.Reply reply = gateway.get("/admin/costs?by=model");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.error().get("code").asText()).isEqualTo("ledger_store_unavailable");
    }
}
