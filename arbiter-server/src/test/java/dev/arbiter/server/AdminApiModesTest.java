package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.tenancy.KeySecrets;
import org.junit.jupiter.api.Test;

/** The admin API when the gateway runs open (off, saying how to enable it) and when the ledger is off. */
class AdminApiModesTest {
    @Test
    void aGatewayStartedWithoutAnAdminApiAnswers403SayingHowToEnableIt() {
        try (AdminHarness gateway = new AdminHarness(h -> AdminApi.disabled())) {
            for (String path : new String[] {"/admin/keys", "/admin/costs", "/admin"}) {
                AdminHarness.Reply reply = gateway.get(path, null);
                assertThat(reply.status()).isEqualTo(403);
                assertThat(reply.error().get("code").asText()).isEqualTo("admin_api_disabled");
                assertThat(reply.error().get("message").asText()).contains("ARBITER_ADMIN_KEY").contains("auth.admin_key");
            }
            assertThat(gateway.get("/v1/models", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aNullAdminKeyMakesADisabledAdminApi() {
        try (AdminHarness gateway = new AdminHarness(h -> AdminApi.create(h.keys, h.authenticator, h.costs, null))) {
            assertThat(gateway.post("/admin/keys", "{\"user\":\"u\",\"team\":\"t\"}").status()).isEqualTo(403);
            assertThat(gateway.keys.list()).isEmpty();
        }
    }

    @Test
    void withTheLedgerOffCostsAre404SayingSo() {
        try (AdminHarness gateway = new AdminHarness(h -> AdminApi.create(h.keys, h.authenticator, null,
                AdminHarness.ADMIN_KEY))) {
            AdminHarness.Reply reply = gateway.get("/admin/costs");
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.error().get("code").asText()).isEqualTo("ledger_disabled");
            assertThat(gateway.post("/admin/keys", "{\"user\":\"u\",\"team\":\"t\"}").json().get("key").asText())
                    .startsWith(KeySecrets.SCHEME);
        }
    }
}
