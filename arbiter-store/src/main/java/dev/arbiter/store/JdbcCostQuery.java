package dev.arbiter.store;

import dev.arbiter.core.ledger.CostQuery;
import dev.arbiter.core.ledger.CostReport;
import dev.arbiter.core.ledger.CostTotals;
import dev.arbiter.core.ledger.GroupBy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cost reports over {@code ledger_requests}: sums are computed in SQL with exact decimals (PostgreSQL NUMERIC,
 * SQLite's {@link DecimalSum}), then ordered in Java by cost (SQLite's sums are text, which would sort wrongly).
 * A row without a baseline cost counts its own cost as baseline (no savings claimed).
 */
final class JdbcCostQuery implements CostQuery {
    private static final Comparator<String> NAMES = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<CostReport.Group> BY_COST = Comparator
            .comparing((CostReport.Group g) -> g.totals().costUsd()).reversed()
            .thenComparing(CostReport.Group::name, NAMES);

    private final Database db;

    JdbcCostQuery(Database db) {
        this.db = db;
    }

    @Override
    public CostReport costs(GroupBy by, Instant from, Instant to) {
        Dialect d = db.dialect();
        String column = column(by);
        String sql = "SELECT " + column + " AS name, COUNT(*) AS requests, SUM(input_tokens) AS input_tokens,"
                + " SUM(cached_input_tokens) AS cached_input_tokens, SUM(output_tokens) AS output_tokens,"
                + " SUM(reasoning_tokens) AS reasoning_tokens, " + d.sum("cost_usd") + " AS cost_usd, "
                + d.sum("COALESCE(baseline_cost_usd, cost_usd)") + " AS baseline_cost_usd"
                + " FROM ledger_requests" + Range.of(from, to).where() + " GROUP BY " + column;
        List<CostReport.Group> groups = db.read("reading costs by " + by.label(), c -> {
            List<CostReport.Group> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql, Range.of(from, to)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CostReport.Group(rs.getString("name"), totals(rs)));
                }
            }
            return out;
        });
        groups.sort(BY_COST);
        return new CostReport(by, from, to, total(groups), groups);
    }

    @Override
    public List<DailySpend> daily(GroupBy by, Instant from, Instant to) {
        Dialect d = db.dialect();
        String column = column(by);
        String day = d.day("at");
        String sql = "SELECT " + day + " AS day, " + column + " AS name, COUNT(*) AS requests, " + d.sum("cost_usd")
                + " AS cost_usd FROM ledger_requests" + Range.of(from, to).where() + " GROUP BY " + day + ", " + column;
        List<DailySpend> days = db.read("reading daily costs by " + by.label(), c -> {
            List<DailySpend> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql, Range.of(from, to)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DailySpend(LocalDate.parse(rs.getString("day")), rs.getString("name"),
                            rs.getLong("requests"), money(rs, "cost_usd")));
                }
            }
            return out;
        });
        days.sort(Comparator.comparing(DailySpend::day)
                .thenComparing(DailySpend::costUsd, Comparator.reverseOrder())
                .thenComparing(DailySpend::name, NAMES));
        return days;
    }

    @Override
    public BigDecimal spend(GroupBy by, String subject, Instant from) {
        String column = column(by);
        String sql = "SELECT " + db.dialect().sum("cost_usd") + " AS cost_usd FROM ledger_requests WHERE "
                + (subject == null ? column + " IS NULL" : column + " = ?") + (from == null ? "" : " AND at >= ?");
        return db.read("reading the spend of " + by.label() + " " + subject, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 0;
                if (subject != null) {
                    ps.setString(++i, subject);
                }
                if (from != null) {
                    db.dialect().bindInstant(ps, ++i, from);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? money(rs, "cost_usd") : BigDecimal.ZERO;
                }
            }
        });
    }

    private PreparedStatement prepare(Connection c, String sql, Range range) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        int i = 0;
        if (range.from() != null) {
            db.dialect().bindInstant(ps, ++i, range.from());
        }
        if (range.to() != null) {
            db.dialect().bindInstant(ps, ++i, range.to());
        }
        return ps;
    }

    private static CostTotals totals(ResultSet rs) throws SQLException {
        return new CostTotals(rs.getLong("requests"), rs.getLong("input_tokens"), rs.getLong("cached_input_tokens"),
                rs.getLong("output_tokens"), rs.getLong("reasoning_tokens"), money(rs, "cost_usd"),
                money(rs, "baseline_cost_usd"));
    }

    private static CostTotals total(List<CostReport.Group> groups) {
        CostTotals sum = CostTotals.EMPTY;
        for (CostReport.Group g : groups) {
            CostTotals t = g.totals();
            sum = new CostTotals(sum.requests() + t.requests(), sum.inputTokens() + t.inputTokens(),
                    sum.cachedInputTokens() + t.cachedInputTokens(), sum.outputTokens() + t.outputTokens(),
                    sum.reasoningTokens() + t.reasoningTokens(), sum.costUsd().add(t.costUsd()),
                    sum.baselineCostUsd().add(t.baselineCostUsd()));
        }
        return sum;
    }

    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = Dialect.readMoney(rs, column);
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The ledger column a report groups by (a fixed list: never text from the caller). */
    static String column(GroupBy by) {
        return switch (by) {
            case KEY -> "key_id";
            case USER -> "user_name";
            case TEAM -> "team_name";
            case MODEL -> "model";
            case ROUTE -> "route";
            case TASK -> "task_type";
        };
    }

    /** A time range, from inclusive and to exclusive; a null bound is open. */
    private record Range(Instant from, Instant to) {
        static Range of(Instant from, Instant to) {
            return new Range(from, to);
        }

        String where() {
            if (from == null && to == null) {
                return "";
            }
            if (from == null) {
                return " WHERE at < ?";
            }
            return to == null ? " WHERE at >= ?" : " WHERE at >= ? AND at < ?";
        }
    }
}
