package dev.arbiter.store;

import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One database per test class (a SQLite file or a PostgreSQL schema), emptied before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreTestBase {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    Backend backend;
    Storage storage;

    abstract Backend newBackend();

    @BeforeAll
    void openStorage() {
        backend = newBackend();
        storage = Storage.open(backend.config(), new TickingClock(START));
    }

    @BeforeEach
    void emptyTables() {
        sql("DELETE FROM ledger_attempts", "DELETE FROM ledger_requests", "DELETE FROM api_keys");
    }

    @AfterAll
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    /** Runs statements in one transaction on the storage's own connection. */
    void sql(String... statements) {
        storage.database().write("test setup", c -> {
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
            return null;
        });
    }

    long count(String table) {
        return storage.database().read("counting", c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
