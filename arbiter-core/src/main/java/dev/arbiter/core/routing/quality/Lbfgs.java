package dev.arbiter.core.routing.quality;

/**
 * Limited-memory BFGS with a backtracking Armijo line search: deterministic (no randomness, fixed summation
 * order), and enough for the smooth, mostly convex objectives of the quality model.
 */
final class Lbfgs {
    /** A differentiable objective: returns f(x) and writes its gradient into {@code gradient}. */
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    private static final boolean TRACE = Boolean.getBoolean("arbiter.lbfgs.trace");
    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;

    private Lbfgs() {
    }

    /** Minimises from {@code x} in place; stops on tiny relative progress or after {@code maxIterations}. */
    static double minimize(Objective objective, double[] x, int maxIterations, double tolerance) {
        int n = x.length;
        double[][] s = new double[MEMORY][n];
        double[][] y = new double[MEMORY][n];
        double[] rho = new double[MEMORY];
        double[] g = new double[n];
        double[] gNew = new double[n];
        double[] xNew = new double[n];
        double[] direction = new double[n];
        double f = objective.evaluate(x, g);
        int stored = 0;
        for (int iter = 0; iter < maxIterations; iter++) {
            twoLoop(g, s, y, rho, stored, iter, direction);
            double slope = dot(g, direction);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                stored = 0;
                scaleNegative(g, direction, 1 / Math.max(1, Math.sqrt(dot(g, g))));
                slope = dot(g, direction);
            }
            double step = 1;
            double fNew;
            int tries = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * direction[i];
                }
                fNew = objective.evaluate(xNew, gNew);
                if (fNew <= f + ARMIJO * step * slope || ++tries > 40) {
                    break;
                }
                step *= 0.5;
            }
            if (!(fNew <= f)) {
                return f;
            }
            int slot = iter % MEMORY;
            double sy = 0;
            for (int i = 0; i < n; i++) {
                s[slot][i] = xNew[i] - x[i];
                y[slot][i] = gNew[i] - g[i];
                sy += s[slot][i] * y[slot][i];
            }
            boolean converged = (f - fNew) <= tolerance * Math.max(1, Math.abs(f));
            if (sy > 1e-12) {
                rho[slot] = 1 / sy;
                stored = Math.min(MEMORY, stored + 1);
            } else {
                rho[slot] = 0;
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            f = fNew;
            if (TRACE) {
                System.err.printf("iter %d f=%.6f step=%.3g tries=%d%n", iter, f, step, tries);
            }
            if (converged) {
                break;
            }
        }
        return f;
    }

    /** The L-BFGS direction -H·g from the last {@code stored} pairs (newest at slot (iter-1) % MEMORY). */
    private static void twoLoop(double[] g, double[][] s, double[][] y, double[] rho, int stored, int iter,
                                double[] direction) {
        double[] q = direction;
        System.arraycopy(g, 0, q, 0, g.length);
        double[] alpha = new double[MEMORY];
        for (int k = 1; k <= stored; k++) {
            int j = Math.floorMod(iter - k, MEMORY);
            alpha[j] = rho[j] * dot(s[j], q);
            axpy(-alpha[j], y[j], q);
        }
        double gamma = 1;
        if (stored > 0) {
            int newest = Math.floorMod(iter - 1, MEMORY);
            gamma = rho[newest] == 0 ? 1 : 1 / (rho[newest] * dot(y[newest], y[newest]));
        } else {
            gamma = 1 / Math.max(1, Math.sqrt(dot(g, g)));
        }
        for (int i = 0; i < q.length; i++) {
            q[i] *= gamma;
        }
        for (int k = stored; k >= 1; k--) {
            int j = Math.floorMod(iter - k, MEMORY);
            double beta = rho[j] * dot(y[j], q);
            axpy(alpha[j] - beta, s[j], q);
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = -q[i];
        }
    }

    private static void scaleNegative(double[] g, double[] out, double scale) {
        for (int i = 0; i < g.length; i++) {
            out[i] = -scale * g[i];
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
