package dev.arbiter.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Pipeline;
import dev.arbiter.core.pipeline.RequestMeta;
import dev.arbiter.core.pipeline.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The auth stage in a pipeline before a fake last stage: who gets through, and the 401/403 the others get. */
class AuthStageTest {
    private final InMemoryKeyStore store = new InMemoryKeyStore();
    private final Authenticator authenticator = new Authenticator(store, Duration.ofSeconds(5));
    private final AtomicReference<Principal> seenByNextStage = new AtomicReference<>();
    private final Pipeline pipeline = new Pipeline(List.of(new AuthStage(authenticator), chain -> {
        seenByNextStage.set(chain.exchange().trace().principal());
        return new Outcome.Completed(null);
    }));

    private Outcome run(String model, Map<String, String> headers) {
        ChatRequest request = ChatRequest.builder(model).messages(Message.user("hi")).build();
        return pipeline.run(new Exchange(request, new RequestMeta(headers, "openai", System.nanoTime()), new Trace()));
    }

    private ArbiterException refusal(String model, Map<String, String> headers) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> run(model, headers)).isInstanceOf(ArbiterException.class).satisfies(t -> caught[0] = t);
        assertThat(seenByNextStage).hasNullValue();
        return (ArbiterException) caught[0];
    }

    @Test
    void aBearerKeyReachesTheNextStageWithItsPrincipalOnTheTrace() {
        IssuedKey issued = store.create(InMemoryKeyStoreTest.spec("u1", "t1"));
        run("gpt-x", Map.of("authorization", "Bearer " + issued.secret()));
        assertThat(seenByNextStage.get().keyId()).isEqualTo(issued.key().id());
        assertThat(seenByNextStage.get().team()).isEqualTo("t1");
    }

    @Test
    void anAnthropicStyleXApiKeyIsAcceptedToo() {
        IssuedKey issued = store.create(InMemoryKeyStoreTest.spec("u1", "t1"));
        run("claude-x", Map.of("x-api-key", issued.secret()));
        assertThat(seenByNextStage.get().user()).isEqualTo("u1");
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        IssuedKey issued = store.create(InMemoryKeyStoreTest.spec("u1", "t1"));
        run("gpt-x", Map.of("authorization", "bearer  " + issued.secret()));
        assertThat(seenByNextStage.get()).isNotNull();
    }

    @Test
    void aRequestWithoutAKeyIs401NamingBothHeaders() {
        ArbiterException e = refusal("gpt-x", Map.of());
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.kind().type()).isEqualTo("caller_unauthorized");
        assertThat(e.getMessage()).contains("Authorization: Bearer").contains("x-api-key");
    }

    @Test
    void aNonBearerAuthorizationIs401() {
        assertThat(refusal("gpt-x", Map.of("authorization", "Basic dTpw")).getMessage()).contains("Bearer <key>");
    }

    @Test
    void anUnknownKeyIs401() {
        ArbiterException e = refusal("gpt-x", Map.of("authorization", "Bearer " + KeySecrets.generate()));
        assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_UNAUTHORIZED);
        assertThat(e.getMessage()).contains("not known");
    }

    @Test
    void aRevokedKeyIs401SayingItWasRevoked() {
        IssuedKey issued = store.create(InMemoryKeyStoreTest.spec("u1", "t1"));
        authenticator.invalidate(store.revoke(issued.key().prefix()).orElseThrow());
        ArbiterException e = refusal("gpt-x", Map.of("x-api-key", issued.secret()));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("was revoked");
    }

    @Test
    void aModelTheKeyMayNotUseIs403NamingTheModel() {
        IssuedKey issued = store.create(InMemoryKeyStoreTest.spec("u1", "t1", "auto", "fast"));
        ArbiterException e = refusal("openai/gpt-5.4", Map.of("authorization", "Bearer " + issued.secret()));
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.kind().type()).isEqualTo("caller_forbidden");
        assertThat(e.param()).isEqualTo("model");
        assertThat(e.getMessage()).contains("'openai/gpt-5.4'").contains("auto, fast");
    }

    @Test
    void aModelInTheKeysListGetsThrough() {
        IssuedKey issued = store.create(InMemoryKeyStoreTest.spec("u1", "t1", "auto", "fast"));
        Outcome outcome = run("fast", Map.of("authorization", "Bearer " + issued.secret()));
        assertThat(outcome).isInstanceOf(Outcome.Completed.class);
        assertThat(seenByNextStage.get().allowedModels()).containsExactly("auto", "fast");
    }

    @Test
    void theAdminKeyIsNotAVirtualKey() {
        ArbiterException e = refusal("gpt-x", Map.of("authorization", "Bearer admin-0123456789abcdef"));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("admin key");
    }
}
