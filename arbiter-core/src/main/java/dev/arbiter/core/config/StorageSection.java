package dev.arbiter.core.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code storage} mapping (url, user, password, pool_size). Absent section or empty url: the default SQLite
 * file under {@code ARBITER_DATA_DIR}; {@code url: none}: no database ({@link StorageConfig#NONE}).
 */
final class StorageSection {
    private static final Set<String> KEYS = Set.of("url", "user", "password", "pool_size");

    private StorageSection() {
    }

    /** The storage settings; {@code c} is null when the config has no {@code storage} section. */
    static StorageConfig read(Cursor c, Map<String, String> env) {
        StorageConfig defaults = StorageConfig.defaults(env);
        if (c == null) {
            return defaults;
        }
        Fields f = c.fields(KEYS);
        String url = f.optional("url").map(Cursor::text).map(String::strip).orElse("");
        if (url.equalsIgnoreCase("none")) {
            return StorageConfig.NONE;
        }
        if (!url.isEmpty()) {
            checkUrl(f.required("url"), url);
        }
        String user = f.optional("user").map(Cursor::text).orElse(null);
        String password = f.optional("password").map(Cursor::text).orElse(null);
        int pool = f.optional("pool_size").map(StorageSection::poolSize).orElse(StorageConfig.DEFAULT_POOL_SIZE);
        return new StorageConfig(url.isEmpty() ? defaults.url() : url, user, password, pool);
    }

    private static void checkUrl(Cursor c, String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            throw c.error("write the PostgreSQL URL in JDBC form: jdbc:postgresql://<host>:<port>/<database>"
                    + " (user and password go in storage.user and storage.password)");
        }
        if (!lower.startsWith(StorageConfig.SQLITE_PREFIX) && !lower.startsWith(StorageConfig.POSTGRES_PREFIX)) {
            throw c.error("unsupported database URL '" + url + "'; expected jdbc:sqlite:<file>, "
                    + "jdbc:postgresql://<host>:<port>/<database> or none (keys and ledger in memory)");
        }
        String sqliteFile = lower.startsWith(StorageConfig.SQLITE_PREFIX)
                ? url.substring(StorageConfig.SQLITE_PREFIX.length()) : null;
        if (sqliteFile != null && (sqliteFile.isBlank() || sqliteFile.contains(":memory:")
                || sqliteFile.contains("mode=memory"))) {
            throw c.error("a SQLite URL needs a file (jdbc:sqlite:./data/arbiter.db); for keys and ledger in memory "
                    + "write url: none");
        }
    }

    private static int poolSize(Cursor c) {
        int size = c.intValue();
        if (size < 1 || size > 1000) {
            throw c.error("pool_size must be between 1 and 1000, got " + size);
        }
        return size;
    }
}
