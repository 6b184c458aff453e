package dev.arbiter.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.arbiter.core.config.StorageConfig;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;

/**
 * Opens a database from the storage config: checks that it answers, runs the migrations on a plain connection,
 * then builds the pools (SQLite: readers plus a single writer; PostgreSQL: one HikariCP pool).
 */
final class DatabaseOpener {
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private DatabaseOpener() {
    }

    static Database open(StorageConfig config) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("storage is off (url: none): use the in-memory key store and ledger");
        }
        return config.isSqlite() ? sqlite(config) : postgres(config);
    }

    private static Database sqlite(StorageConfig config) {
        Path file = sqliteFile(config.url());
        createParent(file);
        String description = "SQLite " + file;
        SqliteSource direct = new SqliteSource(config.url(), SQLiteConfig.TransactionMode.DEFERRED);
        probe(direct, description);
        Migrations.run(direct, Dialect.SQLITE, description);
        HikariDataSource readers = pool("arbiter-sqlite-read",
                new SqliteSource(config.url(), SQLiteConfig.TransactionMode.DEFERRED), config.poolSize(), description);
        try {
            HikariDataSource writer = pool("arbiter-sqlite-write",
                    new SqliteSource(config.url(), SQLiteConfig.TransactionMode.IMMEDIATE), 1, description);
            return new Database(Dialect.SQLITE, readers, writer, description);
        } catch (RuntimeException e) {
            readers.close();
            throw e;
        }
    }

    private static Database postgres(StorageConfig config) {
        String description = "PostgreSQL " + config.safeUrl();
        PGSimpleDataSource direct = new PGSimpleDataSource();
        try {
            direct.setURL(config.url());
        } catch (IllegalArgumentException e) {
            throw new StorageException("bad PostgreSQL URL " + config.safeUrl() + ": " + Failures.describe(e));
        }
        if (config.user() != null) {
            direct.setUser(config.user());
        }
        if (config.password() != null) {
            direct.setPassword(config.password());
        }
        direct.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        direct.setApplicationName("arbiter");
        direct.setReWriteBatchedInserts(true); // one multi-row INSERT per ledger batch instead of one per row
        probe(direct, description);
        Migrations.run(direct, Dialect.POSTGRESQL, description);
        HikariDataSource pool = pool("arbiter-postgresql", direct, config.poolSize(), description);
        return new Database(Dialect.POSTGRESQL, pool, pool, description);
    }

    /** Fails with one clear line when the database cannot be reached or is not a database. */
    private static void probe(DataSource source, String description) {
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        } catch (SQLException | RuntimeException e) {
            throw new StorageException("cannot open the database (" + description + "): " + Failures.describe(e), e);
        }
    }

    private static HikariDataSource pool(String name, DataSource source, int size, String description) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(source);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("cannot open the database (" + description + "): " + Failures.describe(e), e);
        }
    }

    /** The file of a {@code jdbc:sqlite:} URL ({@code file:} form and {@code ?options} allowed). */
    static Path sqliteFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        try {
            return Path.of(rest).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new StorageException("bad SQLite file in " + url + ": " + e.getMessage());
        }
    }

    private static void createParent(Path file) {
        Path dir = file.getParent();
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new StorageException("cannot create the data directory " + dir + ": a file of that name is in the way");
        } catch (AccessDeniedException e) {
            throw new StorageException("cannot create the data directory " + dir + ": permission denied");
        } catch (FileSystemException e) {
            throw new StorageException("cannot create the data directory " + dir + ": "
                    + (e.getReason() == null ? "the file system refused" : e.getReason()));
        } catch (IOException e) {
            throw new StorageException("cannot create the data directory " + dir + ": " + Failures.describe(e));
        }
    }
}
