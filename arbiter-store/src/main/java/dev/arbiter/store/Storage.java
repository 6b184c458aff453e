package dev.arbiter.store;

import dev.arbiter.core.config.StorageConfig;
import dev.arbiter.core.ledger.CostQuery;
import dev.arbiter.core.ledger.LedgerSink;
import dev.arbiter.core.tenancy.KeyStore;
import java.time.Clock;

/**
 * The gateway's database, opened from the {@code storage} config: a SQLite file (default; WAL, one writer
 * connection) or PostgreSQL (HikariCP pool), migrated to the current schema, handing out the key store, the ledger
 * sink and the cost query over it. Thread-safe; close it once at shutdown, after the ledger's last flush.
 */
public final class Storage implements AutoCloseable {
    private final Database db;
    private final KeyStore keys;
    private final LedgerSink ledger;
    private final CostQuery costs;

    private Storage(Database db, Clock clock) {
        this.db = db;
        this.keys = new JdbcKeyStore(db, clock);
        this.ledger = new JdbcLedgerSink(db);
        this.costs = new JdbcCostQuery(db);
    }

    /**
     * Opens and migrates the database. Throws {@link StorageException} with a one-line reason when it cannot be
     * reached, created or migrated, and IllegalArgumentException for {@link StorageConfig#NONE}.
     */
    public static Storage open(StorageConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** As {@link #open(StorageConfig)}, with the clock that stamps key creation and revocation. */
    public static Storage open(StorageConfig config, Clock clock) {
        return new Storage(DatabaseOpener.open(config), clock);
    }

    public KeyStore keys() {
        return keys;
    }

    /** The batch writer; closing it does nothing (close the storage instead). */
    public LedgerSink ledger() {
        return ledger;
    }

    public CostQuery costs() {
        return costs;
    }

    /** What is open, for the start-up log: "SQLite /abs/path/arbiter.db" or "PostgreSQL jdbc:postgresql://...". */
    public String describe() {
        return db.description();
    }

    /** The pools themselves, for this package's tests. */
    Database database() {
        return db;
    }

    /** Closes the connection pools. */
    @Override
    public void close() {
        db.close();
    }
}
