package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Storage on PostgreSQL: the shared behaviour plus its column types. */
class PostgresStorageTest extends StorageContract {
    @Override
    Backend newBackend() {
        return Backend.postgres();
    }

    @Test
    void moneyColumnsAreNumericAndInstantsAreTimestampsWithTimeZone() {
        List<String> types = storage.database().read("reading column types", c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT column_name || ' ' || data_type"
                    + " FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " AND column_name IN ('cost_usd', 'baseline_cost_usd', 'budget_usd', 'at', 'created_at')"
                    + " ORDER BY table_name, column_name")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });

        assertThat(types).containsExactly("budget_usd numeric", "created_at timestamp with time zone",
                "at timestamp with time zone", "baseline_cost_usd numeric", "cost_usd numeric");
    }

    @Test
    void describesItselfWithoutAPassword() {
        assertThat(storage.describe()).startsWith("PostgreSQL jdbc:postgresql://").doesNotContain("password=");
    }
}
