package dev.arbiter.store;

/** The key store on Sqlite. */
class SqliteKeyStoreTest extends KeyStoreContract {
    @Override
    Backend newBackend() {
        return Backend.sqlite();
    }
}
