package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.tenancy.IssuedKey;
import dev.arbiter.core.tenancy.KeySpec;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** With an admin key set, counting tokens needs a live virtual key as /v1/messages does, checked before the body. */
class CountTokensKeyedTest {
    private static final AdminHarness GATEWAY = new AdminHarness();
    private static final String PATH = "/v1/messages/count_tokens";
    private static final String COUNT = "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    @Test
    void aCountWithoutAKeyGets401EvenWhenItsBodyIsGarbage() {
        AdminHarness.Reply reply = GATEWAY.postAs(PATH, "{not json", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().path("type").asText()).isEqualTo("authentication_error");
        assertThat(reply.json().path("type").asText()).isEqualTo("error");
    }

    @Test
    void aVirtualKeyAsXApiKeyMayCount() {
        IssuedKey key = GATEWAY.keys.create(new KeySpec("u1", "t1", List.of(), null, null));

        AdminHarness.Reply reply = GATEWAY.postWithHeader(PATH, COUNT, "x-api-key", key.secret());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("input_tokens").intValue()).isPositive();
        assertThat(reply.header("x-arbiter-token-count")).isEqualTo("estimate");
    }

    @Test
    void aKeyLimitedToOtherModelsGets403() {
        IssuedKey key = GATEWAY.keys.create(new KeySpec("u2", "t1", List.of("auto"), null, null));

        AdminHarness.Reply reply = GATEWAY.postAs(PATH, COUNT, key.secret());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error().path("type").asText()).isEqualTo("permission_error");
    }
}
