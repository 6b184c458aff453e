package dev.arbiter.core.routing.replay;

/**
 * {@code numpy.interp} for one x, ported from numpy's compiled {@code arr_interp} and
 * {@code binary_search_with_guess} (first guess 0, cache window 8), so that on a non-increasing {@code xp}, which
 * numpy does not check for, the answer is still the one numpy gives.
 */
final class NumpyInterp {
    private static final int LIKELY_IN_CACHE_SIZE = 8;

    private NumpyInterp() {
    }

    static double interp(double x, double[] xp, double[] fp) {
        int len = xp.length;
        if (len == 1) {
            return fp[0];
        }
        if (Double.isNaN(x)) {
            return x;
        }
        int j = search(x, xp, 0);
        if (j == -1) {
            return fp[0];
        }
        if (j == len) {
            return fp[len - 1];
        }
        if (j == len - 1 || xp[j] == x) {
            return fp[j];
        }
        double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
        double res = slope * (x - xp[j]) + fp[j];
        if (Double.isNaN(res)) {
            res = slope * (x - xp[j + 1]) + fp[j + 1];
            if (Double.isNaN(res) && fp[j] == fp[j + 1]) {
                res = fp[j];
            }
        }
        return res;
    }

    /** binary_search_with_guess: the i with arr[i] <= key < arr[i + 1], -1 below, len above. */
    static int search(double key, double[] arr, int guess) {
        int len = arr.length;
        if (key > arr[len - 1]) {
            return len;
        } else if (key < arr[0]) {
            return -1;
        }
        if (len <= 4) {
            int i = 1;
            while (i < len && key >= arr[i]) {
                i++;
            }
            return i - 1;
        }
        guess = Math.max(1, Math.min(guess, len - 3));
        int imin = 0;
        int imax = len;
        if (key < arr[guess]) {
            if (key >= arr[guess - 1]) {
                return guess - 1;
            }
            imax = guess - 1;
            if (guess > LIKELY_IN_CACHE_SIZE && key >= arr[guess - LIKELY_IN_CACHE_SIZE]) {
                imin = guess - LIKELY_IN_CACHE_SIZE;
            }
        } else {
            if (key < arr[guess + 1]) {
                return guess;
            }
            if (key < arr[guess + 2]) {
                return guess + 1;
            }
            imin = guess + 2;
            if (guess < len - LIKELY_IN_CACHE_SIZE - 1 && key < arr[guess + LIKELY_IN_CACHE_SIZE]) {
                imax = guess + LIKELY_IN_CACHE_SIZE;
            }
        }
        while (imin < imax) {
            int imid = imin + ((imax - imin) >> 1);
            if (key >= arr[imid]) {
                imin = imid + 1;
            } else {
                imax = imid;
            }
        }
        return imin - 1;
    }
}
