package dev.arbiter.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the two databases: where the migrations live, how money and instants are bound and read
 * (PostgreSQL NUMERIC and TIMESTAMPTZ; SQLite exact decimal text and fixed-width UTC ISO-8601 text, which sorts
 * like time), how a column is summed exactly and cut to its UTC day, and how a unique violation looks.
 */
enum Dialect {
    SQLITE("sqlite") {
        @Override
        void bindMoney(PreparedStatement ps, int index, BigDecimal usd) throws SQLException {
            // TEXT, never REAL: SQLite would otherwise round 0.1 to the nearest double.
            ps.setString(index, usd == null ? null : usd.toPlainString());
        }

        @Override
        void bindInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
            ps.setString(index, at == null ? null : ISO_MILLIS.format(at.truncatedTo(ChronoUnit.MILLIS)));
        }

        @Override
        Instant readInstant(ResultSet rs, String column) throws SQLException {
            String text = rs.getString(column);
            return text == null ? null : Instant.parse(text);
        }

        @Override
        String sum(String column) {
            return "decimal_sum(" + column + ")"; // a Java aggregate registered on every connection (DecimalSum)
        }

        @Override
        String day(String column) {
            return "substr(" + column + ", 1, 10)";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return e instanceof SQLiteException s && (s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                    || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT);
        }
    },
    POSTGRESQL("postgresql") {
        @Override
        void bindMoney(PreparedStatement ps, int index, BigDecimal usd) throws SQLException {
            if (usd == null) {
                ps.setNull(index, Types.NUMERIC);
            } else {
                ps.setBigDecimal(index, usd);
            }
        }

        @Override
        void bindInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
            if (at == null) {
                ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(index, OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
            }
        }

        @Override
        Instant readInstant(ResultSet rs, String column) throws SQLException {
            OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
            return at == null ? null : at.toInstant();
        }

        @Override
        String sum(String column) {
            return "SUM(" + column + ")";
        }

        @Override
        String day(String column) {
            return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }
    };

    /** Fixed width (always three fraction digits) so that text order is time order. */
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String name;

    Dialect(String name) {
        this.name = name;
    }

    /** Flyway's location of this dialect's migrations. */
    String migrations() {
        return "classpath:db/migration/" + name;
    }

    abstract void bindMoney(PreparedStatement ps, int index, BigDecimal usd) throws SQLException;

    abstract void bindInstant(PreparedStatement ps, int index, Instant at) throws SQLException;

    abstract Instant readInstant(ResultSet rs, String column) throws SQLException;

    /** An exact sum of a money column (NULL when no row has a value). */
    abstract String sum(String column);

    /** The UTC calendar day of a timestamp column, as YYYY-MM-DD text. */
    abstract String day(String column);

    abstract boolean isUniqueViolation(SQLException e);

    /** A money column read back exactly (both dialects render exact decimal text); null stays null. */
    static BigDecimal readMoney(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : new BigDecimal(text);
    }
}
