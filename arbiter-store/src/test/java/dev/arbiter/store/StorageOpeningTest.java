package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.config.StorageConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that cannot be opened fails with one clear line (no driver trace, no password); needs no server. */
class StorageOpeningTest {
    @TempDir
    Path dir;

    @Test
    void anUnreachablePostgresServerIsOneLineNamingTheServerWithoutItsPassword() {
        StorageConfig config = new StorageConfig(
                "jdbc:postgresql://127.0.0.1:1/arbiter?user=arbiter&password=hunter2", null, "also-secret", 2);

        assertThatThrownBy(() -> Storage.open(config)).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cannot open the database (PostgreSQL "
                        + "jdbc:postgresql://127.0.0.1:1/arbiter?user=arbiter&password=***): ")
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("also-secret")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception"));
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedAsSuch() throws Exception {
        Path file = Files.writeString(dir.resolve("arbiter.db"), "this is a text file, not a database ".repeat(200));

        assertThatThrownBy(() -> Storage.open(StorageConfig.sqlite(file))).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cannot open the database (SQLite " + file + "): ")
                .hasMessageContaining("not a database");
    }

    @Test
    void aFileInThePlaceOfTheDataDirectoryIsNamedAsSuch() throws Exception {
        Path blocker = Files.writeString(dir.resolve("data"), "");

        assertThatThrownBy(() -> Storage.open(StorageConfig.sqlite(blocker.resolve("arbiter.db"))))
                .isInstanceOf(StorageException.class)
                .hasMessage("cannot create the data directory " + blocker + ": a file of that name is in the way");
    }

    @Test
    void storageNoneIsNotADatabaseToOpen() {
        assertThatThrownBy(() -> Storage.open(StorageConfig.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in-memory");
    }

    @Test
    void theDefaultDataDirectoryIsCreatedWhereTheEnvironmentSays() {
        StorageConfig config = StorageConfig.defaults(java.util.Map.of("ARBITER_DATA_DIR", dir.resolve("nested/data")
                .toString()));

        try (Storage storage = Storage.open(config)) {
            assertThat(dir.resolve("nested/data/arbiter.db")).isRegularFile();
            assertThat(storage.keys().list()).isEmpty();
        }
    }
}
