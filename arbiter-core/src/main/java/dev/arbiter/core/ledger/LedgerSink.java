package dev.arbiter.core.ledger;

import java.util.List;

/**
 * Where ledger entries are finally written, a batch at a time (one transaction per batch in the JDBC sinks).
 * Called from one writer thread; a batch that throws is retried by the caller.
 */
public interface LedgerSink extends AutoCloseable {
    void write(List<LedgerEntry> batch);

    @Override
    default void close() {
    }
}
