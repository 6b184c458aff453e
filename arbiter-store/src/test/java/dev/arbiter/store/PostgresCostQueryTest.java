package dev.arbiter.store;

/** Cost reports on PostgreSQL. */
class PostgresCostQueryTest extends CostQueryContract {
    @Override
    Backend newBackend() {
        return Backend.postgres();
    }
}
