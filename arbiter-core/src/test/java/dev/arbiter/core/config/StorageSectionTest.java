package dev.arbiter.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The storage section: the SQLite default under ARBITER_DATA_DIR, PostgreSQL settings, none, positioned errors. */
class StorageSectionTest {
    private static StorageConfig read(String yaml, Map<String, String> env) {
        Cursor root = YamlDocument.parse("arbiter.yaml", yaml, new Interpolator(env));
        return StorageSection.read(root.child("storage"), env);
    }

    private static ConfigException error(String yaml) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> read(yaml, Map.of())).isInstanceOf(ConfigException.class)
                .satisfies(t -> caught[0] = t);
        return (ConfigException) caught[0];
    }

    @Test
    void withoutASectionTheLedgerLivesInASqliteFileUnderTheDataDirectory() {
        StorageConfig config = read("server: {port: 8080}\n", Map.of("ARBITER_DATA_DIR", "/var/lib/arbiter"));

        assertThat(config.url()).isEqualTo("jdbc:sqlite:" + Path.of("/var/lib/arbiter", "arbiter.db"));
        assertThat(config.isSqlite()).isTrue();
        assertThat(config.poolSize()).isEqualTo(StorageConfig.DEFAULT_POOL_SIZE);
    }

    @Test
    void theDataDirectoryDefaultsToDataInTheWorkingDirectory() {
        assertThat(StorageSection.read(null, Map.of()).url()).isEqualTo("jdbc:sqlite:" + Path.of("./data", "arbiter.db"));
    }

    @Test
    void anEmptyUrlKeepsTheDefault() {
        StorageConfig config = read("storage:\n  url: ${DATABASE_URL:-}\n  pool_size: 3\n", Map.of());

        assertThat(config.isSqlite()).isTrue();
        assertThat(config.poolSize()).isEqualTo(3);
    }

    @Test
    void readsPostgresSettingsWithThePasswordFromTheEnvironment() {
        StorageConfig config = read("""
                storage:
                  url: jdbc:postgresql://127.0.0.1:5432/arbiter
                  user: arbiter
                  password: ${PGPASSWORD:-}
                  pool_size: 16
                """, Map.of("PGPASSWORD", "s3cret"));

        assertThat(config).extracting(StorageConfig::url, StorageConfig::user, StorageConfig::password,
                StorageConfig::poolSize).containsExactly("jdbc:postgresql://127.0.0.1:5432/arbiter", "arbiter", "s3cret", 16);
        assertThat(config.isPostgres()).isTrue();
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void anUnsetPasswordIsNoPassword() {
        StorageConfig config = read("storage: {url: 'jdbc:postgresql://db/arbiter', password: '${PGPASSWORD:-}'}\n",
                Map.of());

        assertThat(config.password()).isNull();
    }

    @Test
    void urlNoneMeansNoDatabase() {
        StorageConfig config = read("storage: {url: none}\n", Map.of());

        assertThat(config).isEqualTo(StorageConfig.NONE);
        assertThat(config.enabled()).isFalse();
    }

    @Test
    void aPasswordInTheUrlIsMaskedInMessages() {
        StorageConfig config = new StorageConfig("jdbc:postgresql://db/arbiter?user=a&password=hunter2", null, null, 2);

        assertThat(config.safeUrl()).isEqualTo("jdbc:postgresql://db/arbiter?user=a&password=***");
        assertThat(config.toString()).doesNotContain("hunter2");
    }

    @Test
    void anUnknownUrlSchemeIsAPositionedError() {
        ConfigException e = error("storage:\n  url: mysql://127.0.0.1/arbiter\n");

        ConfigErrorsTest.assertAt(e, 2, 8, "storage.url", "unsupported database URL 'mysql://127.0.0.1/arbiter'; "
                + "expected jdbc:sqlite:<file>, jdbc:postgresql://<host>:<port>/<database> or none (keys and ledger in memory)");
    }

    @Test
    void aPostgresUriWithoutJdbcIsAnErrorThatShowsTheJdbcForm() {
        ConfigException e = error("storage:\n  url: postgres://u:p@db/arbiter\n");

        assertThat(e.keyPath()).isEqualTo("storage.url");
        assertThat(e.problem()).contains("jdbc:postgresql://<host>:<port>/<database>");
    }

    @Test
    void anInMemorySqliteUrlPointsToUrlNone() {
        ConfigException e = error("storage: {url: 'jdbc:sqlite::memory:'}\n");

        assertThat(e.problem()).contains("write url: none");
    }

    @Test
    void aPoolSizeBelowOneIsAPositionedError() {
        ConfigException e = error("storage:\n  pool_size: 0\n");

        ConfigErrorsTest.assertAt(e, 2, 14, "storage.pool_size", "pool_size must be between 1 and 1000, got 0");
    }

    @Test
    void anUnknownKeyIsRejectedWithASuggestion() {
        ConfigException e = error("storage:\n  pool: 4\n");

        assertThat(e.keyPath()).isEqualTo("storage.pool");
        assertThat(e.problem()).startsWith("unknown key 'pool'").contains("pool_size");
    }
}
