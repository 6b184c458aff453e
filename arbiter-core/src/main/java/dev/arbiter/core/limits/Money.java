package dev.arbiter.core.limits;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts USD amounts to the whole micro-dollars the spend counters add up (exact integers, also in Redis Lua) and
 * formats amounts for error messages. Costs are rounded up to the next micro-dollar, so counters never under-count.
 */
public final class Money {
    private static final int MICRO_SCALE = 6;

    private Money() {
    }

    /** {@code usd} in micro-dollars, rounded up (a cost of $0.0000001 still counts as one micro-dollar). */
    public static long micros(BigDecimal usd) {
        return usd.setScale(MICRO_SCALE, RoundingMode.CEILING).unscaledValue().longValueExact();
    }

    /** Micro-dollars back to USD. */
    public static BigDecimal usd(long micros) {
        return BigDecimal.valueOf(micros, MICRO_SCALE);
    }

    /** "$100.00", "$0.05", "$0.000345": at least two decimals, more only when they carry a non-zero digit. */
    public static String format(BigDecimal usd) {
        return "$" + tidy(usd).toPlainString();
    }

    /** {@code usd} to the micro-dollar with two to six decimals (100.00, 0.05, 0.000345), for JSON and messages. */
    public static BigDecimal tidy(BigDecimal usd) {
        BigDecimal v = usd.setScale(MICRO_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return v.scale() < 2 ? v.setScale(2, RoundingMode.UNNECESSARY) : v;
    }

    /** Formats micro-dollars like {@link #format(BigDecimal)}. */
    public static String format(long micros) {
        return format(usd(micros));
    }
}
