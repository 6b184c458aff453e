package dev.arbiter.core.routing.stats;

/**
 * A time-decayed mean (an EWMA for irregular samples): each sample weighs {@code 2^(-age / halfLife)}, so
 * samples at the same instant count equally and a burst cannot be drowned by the first one, while old samples
 * fade smoothly. Keeps the decayed sum and weight as of the last sample; not thread-safe (its cell locks).
 */
final class DecayingMean {
    private double sum;
    private double weight;
    private long lastNanos;
    private boolean any;

    void add(double value, long nowNanos, double halfLifeNanos) {
        if (any) {
            double decay = decay(nowNanos, halfLifeNanos);
            sum *= decay;
            weight *= decay;
        }
        sum += value;
        weight += 1;
        lastNanos = any ? Math.max(lastNanos, nowNanos) : nowNanos;
        any = true;
    }

    /** The mean, or NaN with no sample or none newer than {@code maxAgeNanos}. */
    double mean(long nowNanos, long maxAgeNanos) {
        if (!any || nowNanos - lastNanos > maxAgeNanos) {
            return Double.NaN;
        }
        return sum / weight; // decaying both by the same factor leaves the mean as of the last sample unchanged
    }

    /** The samples' decayed count now: about how much evidence the mean rests on. */
    double weight(long nowNanos, double halfLifeNanos) {
        return any ? weight * decay(nowNanos, halfLifeNanos) : 0;
    }

    /** Nanoseconds since the last sample, or -1 with none. */
    long ageNanos(long nowNanos) {
        return any ? Math.max(0, nowNanos - lastNanos) : -1;
    }

    private double decay(long nowNanos, double halfLifeNanos) {
        long elapsed = Math.max(0, nowNanos - lastNanos); // a sample recorded late (out of order) counts as now
        return Math.exp(-Math.log(2) * elapsed / halfLifeNanos);
    }
}
