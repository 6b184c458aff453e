package dev.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.tenancy.IssuedKey;
import dev.arbiter.core.tenancy.InMemoryKeyStore;
import dev.arbiter.core.tenancy.KeySpec;
import dev.arbiter.core.tenancy.KeyStore;
import dev.arbiter.core.tenancy.VirtualKey;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter keys create|list|revoke} over an in-memory store installed through the KeyStores seam. */
class KeysCommandTest {
    private final InMemoryKeyStore keys = new InMemoryKeyStore();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicReference<GatewayConfig> openedWith = new AtomicReference<>();

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void installStore() {
        KeyStores.use(config -> {
            openedWith.set(config);
            return new ClosingStore(keys, closed);
        });
    }

    @AfterEach
    void resetStore() {
        KeyStores.reset();
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CliRun.execute(out, err, args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void createIssuesAKeyAndPrintsItsSecretOnce() {
        Run run = run("keys", "create", "--user", "u1", "--team", "t1", "--budget-usd", "50", "--budget-period", "week",
                "--models", "auto,fast", "--rpm", "60", "--tpm", "100000");

        assertThat(run.exit()).as(run.err()).isZero();
        VirtualKey key = keys.list().getFirst();
        assertThat(key.user()).isEqualTo("u1");
        assertThat(key.team()).isEqualTo("t1");
        assertThat(key.allowedModels()).containsExactly("auto", "fast");
        assertThat(key.budget().usd()).isEqualByComparingTo("50");
        assertThat(key.budget().period().label()).isEqualTo("week");
        assertThat(key.limits().rpm()).isEqualTo(60L);
        assertThat(key.limits().tpm()).isEqualTo(100_000L);
        assertThat(run.out()).containsPattern("key: +sk-arb-[0-9A-Za-z]{40}").contains("shown only now")
                .contains("$50/week").contains("60 rpm, 100000 tpm");
        assertThat(closed).hasValue(1);
    }

    @Test
    void createWithJsonPrintsTheAdminApiShapeAndTheBudgetDefaultsToMonthly() {
        Run run = run("keys", "create", "--user", "u1", "--team", "t1", "--budget-usd", "12.50", "--json");
        JsonNode json = Json.parse(run.out());
        assertThat(json.get("key").asText()).startsWith("sk-arb-");
        assertThat(json.get("budget").get("period").asText()).isEqualTo("month");
        assertThat(json.get("models")).isEmpty();
        assertThat(json.get("limits").isNull()).isTrue();
    }

    @Test
    void listShowsEveryKeyWithoutSecrets() {
        IssuedKey first = keys.create(new KeySpec("alice", "research", List.of(), null, null));
        keys.create(new KeySpec("bob", "sales", List.of("auto"), null, null));
        keys.revoke(first.key().id());

        Run table = run("keys", "list");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("alice").contains("bob").contains(first.key().prefix()).contains("revoked")
                .contains("active").doesNotContain(first.secret());

        JsonNode json = Json.parse(run("keys", "list", "--json").out());
        assertThat(json.get("data")).hasSize(2);
        assertThat(json.toString()).doesNotContain(first.secret()).doesNotContain("\"key\":");
    }

    @Test
    void listSaysSoWhenThereAreNoKeys() {
        assertThat(run("keys", "list").out()).contains("No keys yet");
    }

    @Test
    void revokeByPrefixMarksTheKeyRevoked() {
        IssuedKey issued = keys.create(new KeySpec("alice", "research", List.of(), null, null));
        Run run = run("keys", "revoke", issued.key().prefix());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Revoked key " + issued.key().id());
        assertThat(keys.findBySecret(issued.secret()).orElseThrow().revoked()).isTrue();
    }

    @Test
    void revokingAnUnknownKeyExitsWith1() {
        Run run = run("keys", "revoke", "key_nothing");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no key has the id or prefix 'key_nothing'");
    }

    @Test
    void badOptionsExitWith2AndOneLineWithoutOpeningTheStore() {
        assertThat(run("keys", "create", "--user", "u", "--team", "t", "--budget-usd", "-5").err())
                .contains("--budget-usd must be zero or more");
        assertThat(run("keys", "create", "--user", "u", "--team", "t", "--budget-usd", "5", "--budget-period", "year")
                .exit()).isEqualTo(2);
        assertThat(run("keys", "create", "--user", "u", "--team", "t", "--budget-period", "day").err())
                .contains("--budget-period needs --budget-usd");
        assertThat(run("keys", "create", "--user", "u", "--team", "t", "--rpm", "0").exit()).isEqualTo(2);
        assertThat(run("keys", "create", "--team", "t").exit()).isEqualTo(2); // picocli: --user is required
        assertThat(openedWith).hasNullValue();
        assertThat(keys.list()).isEmpty();
    }

    @Test
    void theStoreIsOpenedFromTheGivenConfig() throws Exception {
        Path config = Files.writeString(dir.resolve("arbiter.yaml"), "server: {port: 9999}\n");
        assertThat(run("keys", "list", "--config", config.toString()).exit()).isZero();
        assertThat(openedWith.get().server().port()).isEqualTo(9999);
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "server: {port: many}\n");
        Run run = run("keys", "list", "--config", broken.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("invalid config").contains("broken.yaml:1:");
    }

    @Test
    void withoutStorageWiredInTheCommandSaysSo() {
        KeyStores.reset();
        Run run = run("keys", "list");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("arbiter: ").contains("no key storage").contains("POST /admin/keys");
    }

    /** The in-memory store, counting closes as a JDBC store's pool would be closed. */
    private record ClosingStore(KeyStore inner, AtomicInteger closes) implements KeyStore, AutoCloseable {
        @Override
        public IssuedKey create(KeySpec spec) {
            return inner.create(spec);
        }

        @Override
        public Optional<VirtualKey> findBySecret(String secret) {
            return inner.findBySecret(secret);
        }

        @Override
        public List<VirtualKey> list() {
            return inner.list();
        }

        @Override
        public Optional<VirtualKey> revoke(String idOrPrefix) {
            return inner.revoke(idOrPrefix);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
