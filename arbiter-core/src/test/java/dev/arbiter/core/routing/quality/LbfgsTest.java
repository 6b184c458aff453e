package dev.arbiter.core.routing.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The optimiser finds the minimum of an ill-conditioned quadratic and of a Rosenbrock valley. */
class LbfgsTest {
    @Test
    void minimisesAnIllConditionedQuadratic() {
        double[] scale = {1, 10, 100, 1000};
        double[] x = {1, 1, 1, 1};
        double f = Lbfgs.minimize((p, g) -> {
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                double d = p[i] - i;
                sum += 0.5 * scale[i] * d * d;
                g[i] = scale[i] * d;
            }
            return sum;
        }, x, 200, 1e-15);
        assertThat(f).isLessThan(1e-8);
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).isCloseTo(i, within(1e-3));
        }
    }

    @Test
    void followsTheRosenbrockValley() {
        double[] x = {-1.2, 1};
        Lbfgs.minimize((p, g) -> {
            double a = 1 - p[0];
            double b = p[1] - p[0] * p[0];
            g[0] = -2 * a - 400 * p[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        }, x, 500, 1e-16);
        assertThat(x[0]).isCloseTo(1, within(1e-3));
        assertThat(x[1]).isCloseTo(1, within(1e-3));
    }
}
