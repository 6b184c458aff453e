package dev.arbiter.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The open connection pools and the two ways the stores use them: a read on a pooled connection in auto-commit
 * mode, and a write as one transaction on the writer connection (for SQLite a pool of exactly one, so writes of
 * this process queue in Java instead of fighting over SQLite's lock; for PostgreSQL the same pool as reads).
 */
final class Database implements AutoCloseable {
    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Dialect dialect;
    private final HikariDataSource readers;
    private final HikariDataSource writer;
    private final String description;

    Database(Dialect dialect, HikariDataSource readers, HikariDataSource writer, String description) {
        this.dialect = dialect;
        this.readers = readers;
        this.writer = writer;
        this.description = description;
    }

    Dialect dialect() {
        return dialect;
    }

    String description() {
        return description;
    }

    /** Runs read-only work; {@code what} names it in the error ("listing keys"). */
    <T> T read(String what, Work<T> work) {
        try (Connection c = readers.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs work in one transaction: all of it is committed or none of it. */
    <T> T write(String what, Work<T> work) {
        try (Connection c = writer.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private StorageException failure(String what, SQLException e) {
        return new StorageException(what + " failed (" + description + "): " + Failures.describe(e), e);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException rollback) {
            cause.addSuppressed(rollback);
        }
    }

    @Override
    public void close() {
        if (writer != readers) {
            writer.close();
        }
        readers.close();
    }
}
