package dev.arbiter.core.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the gateway keeps virtual keys and the cost ledger: a JDBC URL (a SQLite file by default, or PostgreSQL),
 * the database user and password (PostgreSQL only) and the connection pool size; {@link #NONE} means no database
 * (keys and ledger stay in memory and are lost at exit).
 */
public record StorageConfig(String url, String user, String password, int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 8;
    /** No database: the gateway keeps keys and the ledger in memory. */
    public static final StorageConfig NONE = new StorageConfig(null, null, null, DEFAULT_POOL_SIZE);

    static final String SQLITE_PREFIX = "jdbc:sqlite:";
    static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    public StorageConfig {
        if (url != null && !isSqliteUrl(url) && !url.startsWith(POSTGRES_PREFIX)) {
            throw new IllegalArgumentException("unsupported storage URL (expected jdbc:sqlite:<file> or "
                    + "jdbc:postgresql://<host>:<port>/<database>): " + url);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + poolSize);
        }
        user = blankToNull(user);
        password = blankToNull(password);
    }

    /** The default: a SQLite file {@code arbiter.db} in {@code ARBITER_DATA_DIR} (or {@code ./data}). */
    public static StorageConfig defaults(Map<String, String> env) {
        String dir = env.get("ARBITER_DATA_DIR");
        Path dataDir = Path.of(dir == null || dir.isBlank() ? "./data" : dir.strip());
        return sqlite(dataDir.resolve("arbiter.db"));
    }

    /** A SQLite database in this file (created with its directory on first use). */
    public static StorageConfig sqlite(Path file) {
        return new StorageConfig(SQLITE_PREFIX + file, null, null, DEFAULT_POOL_SIZE);
    }

    /** False for {@link #NONE}. */
    public boolean enabled() {
        return url != null;
    }

    public boolean isSqlite() {
        return url != null && isSqliteUrl(url);
    }

    public boolean isPostgres() {
        return url != null && url.startsWith(POSTGRES_PREFIX);
    }

    /** The URL with any {@code password=} parameter masked, for logs and error messages. */
    public String safeUrl() {
        return url == null ? "none" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "StorageConfig[url=" + safeUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", poolSize=" + poolSize + "]";
    }

    private static boolean isSqliteUrl(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(SQLITE_PREFIX);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
