package dev.arbiter.store;

/** Cost reports on Sqlite. */
class SqliteCostQueryTest extends CostQueryContract {
    @Override
    Backend newBackend() {
        return Backend.sqlite();
    }
}
