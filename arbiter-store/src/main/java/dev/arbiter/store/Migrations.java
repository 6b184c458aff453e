package dev.arbiter.store;

import java.lang.System.Logger.Level;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway ({@code db/migration/sqlite} or {@code db/migration/postgresql} on the
 * classpath). Running it again is harmless; on PostgreSQL Flyway takes an advisory lock, so replicas that start
 * together migrate once. Flyway's own chatter is kept to warnings; one line says what was applied.
 */
final class Migrations {
    private static final System.Logger LOG = System.getLogger(Migrations.class.getName());
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private Migrations() {
    }

    /** The number of migrations applied now (0 when the schema was already current). */
    static int run(DataSource direct, Dialect dialect, String description) {
        MigrateResult result;
        try {
            result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(direct)
                    .locations(dialect.migrations())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StorageException("migrating the database (" + description + ") failed: "
                    + Failures.describe(e), e);
        }
        if (result.migrationsExecuted > 0) {
            LOG.log(Level.INFO, "storage: applied {0} migration(s) to {1}, now at schema version {2}",
                    result.migrationsExecuted, description, result.targetSchemaVersion);
        }
        return result.migrationsExecuted;
    }
}
