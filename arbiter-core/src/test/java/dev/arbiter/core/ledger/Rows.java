package dev.arbiter.core.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Ledger rows for tests: only the fields a test cares about, the rest plain. */
final class Rows {
    private Rows() {
    }

    static LedgerEntry row(String id) {
        return row(id, Instant.parse("2026-03-10T12:00:00Z"), "t1", "openai/mini", "0.01", "0.02");
    }

    static LedgerEntry row(String id, Instant at, String team, String model, String cost, String baseline) {
        return new LedgerEntry(id, at, "key-" + team, "user-" + team, team, "openai", "auto", "coding", model, "openai",
                false, 200, "ok", 1000, 100, 0, 200, 50, new BigDecimal(cost), "openai/big",
                baseline == null ? null : new BigDecimal(baseline), 500, null, false, "d", List.of());
    }
}
