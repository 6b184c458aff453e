package dev.arbiter.store;

import static dev.arbiter.store.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.ledger.CostReport;
import dev.arbiter.core.ledger.GroupBy;
import dev.arbiter.core.ledger.LedgerEntry;
import dev.arbiter.core.tenancy.IssuedKey;
import dev.arbiter.core.tenancy.KeySpec;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Opening a database twice, and many threads writing and reading at once; run against each database. */
abstract class StorageContract extends StoreTestBase {
    @Test
    void openingAgainMigratesNothingAndKeepsTheData() {
        IssuedKey issued = storage.keys().create(new KeySpec("u1", "t1", List.of(), null, null));
        storage.ledger().write(List.of(entry("a").cost("0.5").build()));

        try (Storage again = Storage.open(backend.config())) {
            assertThat(again.keys().findBySecret(issued.secret())).contains(issued.key());
            assertThat(again.costs().spend(GroupBy.TEAM, null, null)).isEqualByComparingTo("0.5");
        }
        assertThat(successfulMigrations()).isEqualTo(2); // V1 and V2, each once
    }

    @Test
    void theLedgerKeepsOnlyTheIndexesAQueryUses() {
        assertThat(ledgerIndexes()).contains("ledger_requests_at", "ledger_requests_key_at", "ledger_requests_user_at",
                "ledger_requests_team_at", "ledger_requests_route_at")
                .doesNotContain("ledger_requests_model_at", "ledger_requests_task_at");
    }

    @Test
    void aSecondStorageOnTheSameDatabaseSeesARevocationAtOnce() {
        IssuedKey issued = storage.keys().create(new KeySpec("u1", "t1", List.of(), null, null));

        try (Storage other = Storage.open(backend.config())) {
            other.keys().revoke(issued.key().prefix());
        }

        assertThat(storage.keys().findBySecret(issued.secret())).hasValueSatisfying(k -> assertThat(k.revoked()).isTrue());
    }

    @Test
    void concurrentWritersAndReadersLoseNothingAndCountEveryCentExactly() throws Exception {
        int writers = 4;
        int batches = 15;
        int perBatch = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 3);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writes.add(pool.submit(() -> writeBatches(start, writer, batches, perBatch)));
            }
            writes.add(pool.submit(() -> createKeys(start, 10)));
            List<Future<Integer>> reads = List.of(pool.submit(() -> readWhile(start, writing)),
                    pool.submit(() -> readWhile(start, writing)));
            start.countDown();
            for (Future<?> f : writes) {
                f.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Integer> r : reads) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }

        CostReport report = storage.costs().costs(GroupBy.KEY, null, null);
        assertThat(report.total().requests()).isEqualTo((long) writers * batches * perBatch);
        assertThat(report.total().costUsd().toPlainString()).isEqualTo("6.00");
        assertThat(report.groups()).hasSize(writers);
        assertThat(storage.keys().list()).hasSize(10);
    }

    private Void writeBatches(CountDownLatch start, int writer, int batches, int perBatch) throws InterruptedException {
        start.await();
        for (int b = 0; b < batches; b++) {
            List<LedgerEntry> batch = new ArrayList<>();
            for (int i = 0; i < perBatch; i++) {
                batch.add(entry("w" + writer + "-" + b + "-" + i).who("k" + writer, "u", "t").cost("0.01").build());
            }
            storage.ledger().write(batch);
        }
        return null;
    }

    private Void createKeys(CountDownLatch start, int count) throws InterruptedException {
        start.await();
        for (int i = 0; i < count; i++) {
            storage.keys().create(new KeySpec("u" + i, "t", List.of(), null, null));
        }
        return null;
    }

    /** Reads reports until the writers are done; returns how many it made (at least one). */
    private Integer readWhile(CountDownLatch start, AtomicBoolean writing) throws InterruptedException {
        start.await();
        int reads = 0;
        do {
            CostReport report = storage.costs().costs(GroupBy.KEY, null, null);
            assertThat(report.total().costUsd().scale()).isLessThanOrEqualTo(2);
            storage.keys().list();
            reads++;
        } while (writing.get());
        return reads;
    }

    private List<String> ledgerIndexes() {
        return storage.database().read("reading the ledger's indexes", c -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, "ledger_requests", false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        names.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            return names;
        });
    }

    private long successfulMigrations() {
        return storage.database().read("reading the schema history", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
