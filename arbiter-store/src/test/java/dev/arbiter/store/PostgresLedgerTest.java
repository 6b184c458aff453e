package dev.arbiter.store;

/** The ledger sink on PostgreSQL. */
class PostgresLedgerTest extends LedgerContract {
    @Override
    Backend newBackend() {
        return Backend.postgres();
    }
}
