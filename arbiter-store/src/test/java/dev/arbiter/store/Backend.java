package dev.arbiter.store;

import dev.arbiter.core.config.StorageConfig;
import dev.arbiter.testing.services.RealServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/** A fresh, empty database of one kind for one test class, thrown away afterwards. */
sealed interface Backend extends AutoCloseable {
    StorageConfig config();

    /** SQL that makes an insert of request id 'poison' fail, and SQL that undoes it. */
    String[] poison();

    String[] cure();

    @Override
    void close();

    /** A SQLite file in a new temporary directory (the file itself is created by Storage). */
    static Backend sqlite() {
        try {
            return new Sqlite(Files.createTempDirectory("arbiter-store-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new schema on the test PostgreSQL server (skips the test class when there is none). */
    static Backend postgres() {
        String url = RealServices.postgresUrl();
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute(url, "CREATE SCHEMA " + schema);
        return new Postgres(url, schema);
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url, e);
        }
    }

    record Sqlite(Path dir) implements Backend {
        @Override
        public StorageConfig config() {
            return StorageConfig.sqlite(dir.resolve("data").resolve("arbiter.db"));
        }

        @Override
        public String[] poison() {
            return new String[] {"CREATE TRIGGER poison BEFORE INSERT ON ledger_requests"
                    + " WHEN NEW.request_id = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END"};
        }

        @Override
        public String[] cure() {
            return new String[] {"DROP TRIGGER poison"};
        }

        @Override
        public void close() {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    record Postgres(String url, String schema) implements Backend {
        @Override
        public StorageConfig config() {
            return new StorageConfig(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, null, null, 4);
        }

        @Override
        public String[] poison() {
            return new String[] {"CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.request_id = 'poison' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$",
                    "CREATE TRIGGER poison BEFORE INSERT ON ledger_requests FOR EACH ROW EXECUTE FUNCTION poison()"};
        }

        @Override
        public String[] cure() {
            return new String[] {"DROP TRIGGER poison ON ledger_requests", "DROP FUNCTION poison()"};
        }

        @Override
        public void close() {
            execute(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
