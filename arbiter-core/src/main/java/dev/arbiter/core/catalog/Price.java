package dev.arbiter.core.catalog;

import dev.arbiter.core.chat.Usage;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A model's list price in USD per million tokens. {@code cachedInput} (cache reads) and {@code cacheWrite}
 * fall back to the input price when a vendor does not price them separately.
 */
public record Price(BigDecimal input, BigDecimal output, BigDecimal cachedInput, BigDecimal cacheWrite) {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public Price {
        if (input == null || output == null) {
            throw new IllegalArgumentException("a price needs input and output");
        }
        cachedInput = cachedInput == null ? input : cachedInput;
        cacheWrite = cacheWrite == null ? input : cacheWrite;
    }

    public static Price of(double input, double output) {
        return new Price(BigDecimal.valueOf(input), BigDecimal.valueOf(output), null, null);
    }

    /** The exact cost of one call's usage: uncached, cache-read and cache-write input, then output (reasoning included). */
    public BigDecimal cost(Usage usage) {
        long uncached = Math.max(0, usage.inputTokens() - usage.cachedInputTokens() - usage.cacheWriteTokens());
        BigDecimal micro = input.multiply(BigDecimal.valueOf(uncached))
                .add(cachedInput.multiply(BigDecimal.valueOf(usage.cachedInputTokens())))
                .add(cacheWrite.multiply(BigDecimal.valueOf(usage.cacheWriteTokens())))
                .add(output.multiply(BigDecimal.valueOf(usage.outputTokens())));
        return micro.divide(MILLION, MathContext.DECIMAL64);
    }
}
