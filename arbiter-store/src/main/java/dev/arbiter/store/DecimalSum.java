package dev.arbiter.store;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * SQLite aggregate {@code decimal_sum(text)}: the exact sum of decimal text values with {@link BigDecimal}, returned
 * as text (NULL when every value is NULL, like SUM). SQLite's own SUM would go through doubles; money must not.
 * SQLite clones this object for each group, so one instance per connection serves every query.
 */
final class DecimalSum extends Function.Aggregate {
    static final String NAME = "decimal_sum";
    private static final int SQLITE_NULL = 5;

    private BigDecimal total;

    @Override
    protected void xStep() throws SQLException {
        if (value_type(0) == SQLITE_NULL) {
            return;
        }
        String text = value_text(0);
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            error("decimal_sum: not a decimal number: '" + text + "'");
            return;
        }
        total = total == null ? value : total.add(value);
    }

    @Override
    protected void xFinal() throws SQLException {
        if (total == null) {
            result();
        } else {
            result(total.toPlainString());
        }
    }
}
