package dev.arbiter.embeddings;

import dev.arbiter.core.routing.TaskType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fits a {@link TaskClassifier} by full-batch Adam on the weighted, L2-penalised softmax log loss. Deterministic (fixed
 * order, zero start, fixed step count). Each class weighs the same in total, and inside a class each source task does,
 * so a big benchmark cannot drown a small one: what generalises to unseen tasks is what the tasks share.
 */
public final class SoftmaxTrainer {
    /** One training example: its embedding, its label, and the group (source task) it came from. */
    public record Example(float[] embedding, TaskType label, String group) {
    }

    private final double l2;
    private final int steps;
    private final double learningRate;

    public SoftmaxTrainer(double l2, int steps, double learningRate) {
        this.l2 = l2;
        this.steps = steps;
        this.learningRate = learningRate;
    }

    public static SoftmaxTrainer defaults() {
        return new SoftmaxTrainer(1e-3, 400, 0.05);
    }

    public TaskClassifier train(List<Example> examples, TaskClassifier.Slice slice, String provenance) {
        List<TaskType> classes = new ArrayList<>(new TreeSet<>(examples.stream().map(Example::label).toList()));
        if (classes.size() < 2) {
            throw new IllegalArgumentException("need examples of at least two task types, got " + classes);
        }
        int k = classes.size();
        int dim = examples.getFirst().embedding().length;
        double[] sampleWeight = balancedWeights(examples);
        int[] label = examples.stream().mapToInt(e -> classes.indexOf(e.label())).toArray();
        double[] params = new double[k * (dim + 1)]; // row c: dim weights then the bias
        Adam adam = new Adam(params.length, learningRate);
        for (int step = 0; step < steps; step++) {
            adam.step(params, gradient(params, examples, label, sampleWeight, k, dim));
        }
        float[][] w = new float[k][dim];
        float[] b = new float[k];
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < dim; d++) {
                w[c][d] = (float) params[c * (dim + 1) + d];
            }
            b[c] = (float) params[c * (dim + 1) + dim];
        }
        return new TaskClassifier(classes, w, b, slice, provenance);
    }

    private double[] gradient(double[] params, List<Example> examples, int[] label, double[] weight, int k, int dim) {
        double[] grad = new double[params.length];
        double[] p = new double[k];
        for (int i = 0; i < examples.size(); i++) {
            float[] x = examples.get(i).embedding();
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                int off = c * (dim + 1);
                double z = params[off + dim];
                for (int d = 0; d < dim; d++) {
                    z += params[off + d] * x[d];
                }
                p[c] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                p[c] = Math.exp(p[c] - max);
                sum += p[c];
            }
            for (int c = 0; c < k; c++) {
                double g = weight[i] * (p[c] / sum - (c == label[i] ? 1 : 0));
                int off = c * (dim + 1);
                for (int d = 0; d < dim; d++) {
                    grad[off + d] += g * x[d];
                }
                grad[off + dim] += g;
            }
        }
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < dim; d++) {
                grad[c * (dim + 1) + d] += l2 * params[c * (dim + 1) + d];
            }
        }
        return grad;
    }

    /** Weights summing to 1 per class, split equally over the class's groups, then equally over a group's rows. */
    static double[] balancedWeights(List<Example> examples) {
        Map<TaskType, Map<String, Integer>> counts = new HashMap<>();
        for (Example e : examples) {
            counts.computeIfAbsent(e.label(), t -> new HashMap<>()).merge(e.group(), 1, Integer::sum);
        }
        int classes = counts.size();
        double[] w = new double[examples.size()];
        for (int i = 0; i < w.length; i++) {
            Example e = examples.get(i);
            Map<String, Integer> groups = counts.get(e.label());
            w[i] = 1.0 / classes / groups.size() / groups.get(e.group());
        }
        return w;
    }

    /** Adam with the usual constants; its state is the two moment vectors. */
    private static final class Adam {
        private final double[] m;
        private final double[] v;
        private final double rate;
        private int t;

        Adam(int size, double rate) {
            this.m = new double[size];
            this.v = new double[size];
            this.rate = rate;
        }

        void step(double[] x, double[] g) {
            t++;
            double c1 = 1 - Math.pow(0.9, t);
            double c2 = 1 - Math.pow(0.999, t);
            for (int i = 0; i < x.length; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                x[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
            }
        }
    }
}
