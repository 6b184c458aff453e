package dev.arbiter.store;

import dev.arbiter.core.ledger.AttemptEntry;
import dev.arbiter.core.ledger.LedgerEntry;
import dev.arbiter.core.ledger.LedgerSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Writes ledger batches to {@code ledger_requests} and {@code ledger_attempts}: one transaction per batch, batched
 * inserts, and {@code ON CONFLICT DO NOTHING} on the primary keys, so a batch written again after a failure whose
 * outcome was unknown (a lost commit acknowledgement, a retry) never doubles a row.
 */
final class JdbcLedgerSink implements LedgerSink {
    private static final String INSERT_REQUEST = "INSERT INTO ledger_requests (request_id, at, key_id, user_name,"
            + " team_name, api, route, task_type, model, provider, stream, status, outcome, input_tokens,"
            + " cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_usd, baseline_model,"
            + " baseline_cost_usd, latency_ms, ttft_ms, cache_hit, decision, attempt_count)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    private static final String INSERT_ATTEMPT = "INSERT INTO ledger_attempts (request_id, attempt_index, model,"
            + " provider, deployment, millis, error) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final Database db;

    JdbcLedgerSink(Database db) {
        this.db = db;
    }

    @Override
    public void write(List<LedgerEntry> batch) {
        if (batch == null || batch.isEmpty()) {
            return;
        }
        for (LedgerEntry e : batch) {
            if (e.requestId() == null || e.at() == null) {
                throw new IllegalArgumentException("a ledger entry needs a request id and a time: " + e);
            }
        }
        db.write("writing " + batch.size() + " ledger entries", c -> {
            insertRequests(c, batch);
            insertAttempts(c, batch);
            return null;
        });
    }

    private void insertRequests(Connection c, List<LedgerEntry> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_REQUEST)) {
            for (LedgerEntry e : batch) {
                bind(ps, e);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void bind(PreparedStatement ps, LedgerEntry e) throws SQLException {
        Dialect d = db.dialect();
        int i = 0;
        ps.setString(++i, e.requestId());
        d.bindInstant(ps, ++i, e.at());
        ps.setString(++i, e.keyId());
        ps.setString(++i, e.user());
        ps.setString(++i, e.team());
        ps.setString(++i, e.api());
        ps.setString(++i, e.route());
        ps.setString(++i, e.taskType());
        ps.setString(++i, e.model());
        ps.setString(++i, e.provider());
        ps.setBoolean(++i, e.stream());
        ps.setInt(++i, e.status());
        ps.setString(++i, e.outcome());
        ps.setLong(++i, e.inputTokens());
        ps.setLong(++i, e.cachedInputTokens());
        ps.setLong(++i, e.cacheWriteTokens());
        ps.setLong(++i, e.outputTokens());
        ps.setLong(++i, e.reasoningTokens());
        d.bindMoney(ps, ++i, e.costUsd());
        ps.setString(++i, e.baselineModel());
        d.bindMoney(ps, ++i, e.baselineCostUsd());
        ps.setLong(++i, e.latencyMs());
        if (e.ttftMs() == null) {
            ps.setNull(++i, Types.BIGINT);
        } else {
            ps.setLong(++i, e.ttftMs());
        }
        ps.setBoolean(++i, e.cacheHit());
        ps.setString(++i, e.decision());
        ps.setInt(++i, e.attempts().size());
    }

    private static void insertAttempts(Connection c, List<LedgerEntry> batch) throws SQLException {
        if (batch.stream().allMatch(e -> e.attempts().isEmpty())) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_ATTEMPT)) {
            for (LedgerEntry e : batch) {
                for (AttemptEntry a : e.attempts()) {
                    ps.setString(1, e.requestId());
                    ps.setInt(2, a.index());
                    ps.setString(3, a.model());
                    ps.setString(4, a.provider());
                    ps.setString(5, a.deployment());
                    ps.setLong(6, a.millis());
                    ps.setString(7, a.error());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
