package dev.arbiter.store;

import static dev.arbiter.store.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Storage on a SQLite file: the shared behaviour plus the file's own settings. */
class SqliteStorageTest extends StorageContract {
    @Override
    Backend newBackend() {
        return Backend.sqlite();
    }

    @Test
    void createsTheDataDirectoryAndTheFileOnFirstOpen() {
        Backend.Sqlite sqlite = (Backend.Sqlite) backend;

        assertThat(sqlite.dir().resolve("data").resolve("arbiter.db")).isRegularFile();
        assertThat(storage.describe()).startsWith("SQLite ").endsWith("arbiter.db");
    }

    @Test
    void runsInWriteAheadLogModeWithABusyTimeout() {
        assertThat(text("PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(text("PRAGMA busy_timeout")).isEqualTo(String.valueOf(SqliteSource.BUSY_TIMEOUT_MS));
        assertThat(text("PRAGMA foreign_keys")).isEqualTo("1");
    }

    @Test
    void storesMoneyAsDecimalTextNeverAsAFloatingPointNumber() {
        storage.ledger().write(List.of(entry("a").cost("0.1").baseline("0.30").build()));

        assertThat(text("SELECT typeof(cost_usd) || ' ' || cost_usd || ' ' || baseline_cost_usd FROM ledger_requests"))
                .isEqualTo("text 0.1 0.30");
    }

    @Test
    void storesInstantsAsFixedWidthUtcText() {
        storage.ledger().write(List.of(entry("a").at("2026-03-02T10:00:00Z").build()));

        assertThat(text("SELECT at FROM ledger_requests")).isEqualTo("2026-03-02T10:00:00.000Z");
    }

    @Test
    void theWalFileLivesNextToTheDatabase() {
        storage.ledger().write(List.of(entry("a").build()));

        Backend.Sqlite sqlite = (Backend.Sqlite) backend;
        assertThat(Files.exists(sqlite.dir().resolve("data").resolve("arbiter.db-wal"))).isTrue();
    }

    private String text(String query) {
        return storage.database().read(query, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
