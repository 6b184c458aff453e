package dev.arbiter.store;

/** The key store on PostgreSQL. */
class PostgresKeyStoreTest extends KeyStoreContract {
    @Override
    Backend newBackend() {
        return Backend.postgres();
    }
}
