package dev.arbiter.core.reliability;

import java.util.random.RandomGenerator;

/** A "random" source that always draws the same fraction of the range: 0 picks the first candidate, 0.999 the top. */
final class FixedRandom implements RandomGenerator {
    private double fraction;

    FixedRandom(double fraction) {
        this.fraction = fraction;
    }

    void fraction(double f) {
        this.fraction = f;
    }

    @Override
    public long nextLong() {
        return 0;
    }

    @Override
    public long nextLong(long bound) {
        return Math.min(bound - 1, (long) (fraction * bound));
    }
}
