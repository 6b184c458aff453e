package dev.arbiter.store;

import static dev.arbiter.store.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.ledger.AttemptEntry;
import dev.arbiter.core.ledger.LedgerEntry;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JDBC ledger sink: every field kept, money exact, batches atomic and idempotent; run against each database. */
abstract class LedgerContract extends StoreTestBase {
    @Test
    void keepsEveryFieldOfAnEntryAndItsAttempts() {
        LedgerEntry written = new LedgerEntry("req-1", Instant.parse("2026-03-02T10:15:30.123Z"), "key-1", "u1", "t1",
                "anthropic.messages", "support-bot", "coding", "anthropic/claude-opus-4.6", "anthropic", true, 200,
                "ok", 1200, 800, 100, 300, 120, new BigDecimal("0.000123456789"), "openai/gpt-5.4",
                new BigDecimal("0.0042"), 1530, 210L, true, "route support-bot: cheapest passing",
                List.of(new AttemptEntry(0, "openai/gpt-5.4", "openai", "openai#1", 400, "provider_rate_limited"),
                        new AttemptEntry(1, "anthropic/claude-opus-4.6", "anthropic", "anthropic#0", 1100, null)));

        storage.ledger().write(List.of(written));

        assertThat(readBack("req-1")).isEqualTo(written);
    }

    @Test
    void sumsMoneyExactlySoATenthPlusTwoTenthsIsThreeTenths() {
        storage.ledger().write(List.of(entry("a").cost("0.1").baseline("0.3").build(),
                entry("b").cost("0.2").baseline("0.4").build()));

        var total = storage.costs().costs(dev.arbiter.core.ledger.GroupBy.TEAM, null, null).total();

        assertThat(total.costUsd().toPlainString()).isEqualTo("0.3");
        assertThat(total.baselineCostUsd().toPlainString()).isEqualTo("0.7");
        assertThat(total.savingsUsd().toPlainString()).isEqualTo("0.4");
    }

    @Test
    void aThousandTenthsOfACentAddUpToExactlyOneDollar() {
        List<LedgerEntry> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(entry("r" + i).cost("0.001").build());
        }

        storage.ledger().write(batch);

        assertThat(storage.costs().spend(dev.arbiter.core.ledger.GroupBy.TEAM, null, null))
                .isEqualByComparingTo("1").extracting(BigDecimal::toPlainString).isEqualTo("1.000");
    }

    @Test
    void writingTheSameBatchAgainNeverDoublesRows() {
        List<LedgerEntry> batch = List.of(entry("a").build(), entry("b").build());
        storage.ledger().write(batch);

        storage.ledger().write(batch);
        storage.ledger().write(List.of(entry("b").build(), entry("c").build()));

        assertThat(count("ledger_requests")).isEqualTo(3);
        assertThat(count("ledger_attempts")).isEqualTo(3);
    }

    @Test
    void aBatchThatFailsHalfwayLeavesNothingAndItsRetryWritesEachRowOnce() {
        sql(backend.poison());
        List<LedgerEntry> batch = List.of(entry("a").build(), entry("poison").build(), entry("c").build());

        assertThatThrownBy(() -> storage.ledger().write(batch)).isInstanceOf(StorageException.class)
                .hasMessageContaining("writing 3 ledger entries failed").hasMessageContaining("poisoned");
        assertThat(count("ledger_requests")).isZero();

        sql(backend.cure());
        storage.ledger().write(batch);
        storage.ledger().write(batch);

        assertThat(count("ledger_requests")).isEqualTo(3);
        assertThat(count("ledger_attempts")).isEqualTo(3);
    }

    @Test
    void anEmptyBatchWritesNothing() {
        storage.ledger().write(List.of());

        assertThat(count("ledger_requests")).isZero();
    }

    @Test
    void anEntryWithoutARequestIdIsRefusedBeforeAnythingIsWritten() {
        List<LedgerEntry> batch = List.of(entry("a").build(), entry(null).build());

        assertThatThrownBy(() -> storage.ledger().write(batch)).isInstanceOf(IllegalArgumentException.class);
        assertThat(count("ledger_requests")).isZero();
    }

    /** The entry as stored, rebuilt column by column. */
    private LedgerEntry readBack(String requestId) {
        return storage.database().read("reading back", c -> {
            List<AttemptEntry> attempts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ledger_attempts WHERE request_id = ?"
                    + " ORDER BY attempt_index")) {
                ps.setString(1, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        attempts.add(new AttemptEntry(rs.getInt("attempt_index"), rs.getString("model"),
                                rs.getString("provider"), rs.getString("deployment"), rs.getLong("millis"),
                                rs.getString("error")));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ledger_requests WHERE request_id = ?")) {
                ps.setString(1, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt("attempt_count")).isEqualTo(attempts.size());
                    long ttft = rs.getLong("ttft_ms");
                    Long ttftMs = rs.wasNull() ? null : ttft;
                    return new LedgerEntry(rs.getString("request_id"), storage.database().dialect().readInstant(rs, "at"),
                            rs.getString("key_id"), rs.getString("user_name"), rs.getString("team_name"),
                            rs.getString("api"), rs.getString("route"), rs.getString("task_type"), rs.getString("model"),
                            rs.getString("provider"), rs.getBoolean("stream"), rs.getInt("status"),
                            rs.getString("outcome"), rs.getLong("input_tokens"), rs.getLong("cached_input_tokens"),
                            rs.getLong("cache_write_tokens"), rs.getLong("output_tokens"), rs.getLong("reasoning_tokens"),
                            Dialect.readMoney(rs, "cost_usd"), rs.getString("baseline_model"),
                            Dialect.readMoney(rs, "baseline_cost_usd"), rs.getLong("latency_ms"), ttftMs,
                            rs.getBoolean("cache_hit"), rs.getString("decision"), attempts);
                }
            }
        });
    }
}
