package dev.arbiter.core.routing.quality;

/** A sparse feature vector: strictly increasing indices and their values. */
record SparseVector(int[] index, float[] value) {
    double dot(float[] weights) {
        double sum = 0;
        for (int i = 0; i < index.length; i++) {
            sum += weights[index[i]] * (double) value[i];
        }
        return sum;
    }

    double dot(double[] weights) {
        double sum = 0;
        for (int i = 0; i < index.length; i++) {
            sum += weights[index[i]] * value[i];
        }
        return sum;
    }
}
