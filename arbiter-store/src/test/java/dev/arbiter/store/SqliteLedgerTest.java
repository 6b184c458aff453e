package dev.arbiter.store;

/** The ledger sink on Sqlite. */
class SqliteLedgerTest extends LedgerContract {
    @Override
    Backend newBackend() {
        return Backend.sqlite();
    }
}
