package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.tenancy.IssuedKey;
import dev.arbiter.core.tenancy.KeySpec;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** With an admin key set, the chat API needs a live virtual key, checked before the body is even read. */
class KeyedChatTest {
    private static final AdminHarness GATEWAY = new AdminHarness();
    private static final String CHAT = "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    @Test
    void aRequestWithoutAKeyGets401EvenWhenItsBodyIsGarbage() {
        AdminHarness.Reply reply = GATEWAY.postAs("/v1/chat/completions", "{not json", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().path("type").asText()).isEqualTo("caller_unauthorized");
        assertThat(reply.header("x-arbiter-request-id")).isNotBlank();
    }

    @Test
    void theAdminKeyIsNotAVirtualKey() {
        assertThat(GATEWAY.postAs("/v1/chat/completions", CHAT, AdminHarness.ADMIN_KEY).status()).isEqualTo(401);
    }

    @Test
    void anIssuedKeyIsServedAndStopsWorkingTheMomentItIsRevoked() {
        IssuedKey key = GATEWAY.keys.create(new KeySpec("u1", "t1", List.of(), null, null));

        AdminHarness.Reply served = GATEWAY.postAs("/v1/chat/completions", CHAT, key.secret());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("x-arbiter-request-id")).matches("[0-9a-f-]{36}");

        assertThat(GATEWAY.delete("/admin/keys/" + key.key().id()).status()).isEqualTo(200);
        AdminHarness.Reply revoked = GATEWAY.postAs("/v1/chat/completions", CHAT, key.secret());
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.error().path("code").asText()).isEqualTo("revoked_api_key");
    }

    @Test
    void aKeyLimitedToSomeModelsGets403ForAnother() {
        IssuedKey key = GATEWAY.keys.create(new KeySpec("u2", "t1", List.of("auto"), null, null));

        AdminHarness.Reply reply = GATEWAY.postAs("/v1/chat/completions", CHAT, key.secret());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error().path("code").asText()).isEqualTo("model_not_allowed");
    }

    @Test
    void anthropicClientsMayPresentTheKeyAsXApiKey() {
        IssuedKey key = GATEWAY.keys.create(new KeySpec("u3", "t1", List.of(), null, null));
        String body = "{\"model\":\"gpt-4.1-mini\",\"max_tokens\":20,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        assertThat(GATEWAY.postWithHeader("/v1/messages", body, "x-api-key", key.secret()).status()).isEqualTo(200);
    }
}
