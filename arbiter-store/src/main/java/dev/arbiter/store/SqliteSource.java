package dev.arbiter.store;

import java.sql.SQLException;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * A SQLite data source whose every new connection is in WAL mode with a busy timeout, foreign keys on and the exact
 * {@link DecimalSum} aggregate registered (functions are per connection in SQLite).
 */
final class SqliteSource extends SQLiteDataSource {
    static final int BUSY_TIMEOUT_MS = 10_000;

    SqliteSource(String url, SQLiteConfig.TransactionMode mode) {
        super(settings(mode));
        setUrl(url);
    }

    private static SQLiteConfig settings(SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL syncs the WAL at each commit: an acknowledged ledger batch survives a power cut, not only a crash.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        // IMMEDIATE takes the write lock at BEGIN, so a writer waits (busy timeout) instead of failing on upgrade.
        config.setTransactionMode(mode);
        return config;
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        SQLiteConnection connection = super.getConnection(username, password);
        try {
            Function.create(connection, DecimalSum.NAME, new DecimalSum());
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
