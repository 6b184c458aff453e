package dev.arbiter.core.reliability;

/**
 * An exponentially weighted moving average of latency samples (nanoseconds), lock-free. The first sample is taken
 * as is; zero means "not measured yet", which the latency balancer treats as fast so a new deployment gets tried.
 */
final class Ewma {
    private static final double ALPHA = 0.3;

    private final java.util.concurrent.atomic.AtomicLong bits = new java.util.concurrent.atomic.AtomicLong(Double.doubleToLongBits(0));

    void add(long sampleNanos) {
        while (true) {
            long current = bits.get();
            double value = Double.longBitsToDouble(current);
            double next = value == 0 ? sampleNanos : value + ALPHA * (sampleNanos - value);
            if (bits.compareAndSet(current, Double.doubleToLongBits(next))) {
                return;
            }
        }
    }

    double nanos() {
        return Double.longBitsToDouble(bits.get());
    }
}
