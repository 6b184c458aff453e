package dev.arbiter.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.routing.TaskType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A multinomial logistic regression from a sentence embedding to the task types it was trained on: P(t | e) =
 * softmax(W·e + b). Immutable and thread-safe; saved as small JSON (the shipped one is {@link #SHIPPED_RESOURCE}).
 */
public final class TaskClassifier {
    /** Classpath resource of the shipped classifier (see docs/embeddings.md for the command that makes it). */
    public static final String SHIPPED_RESOURCE = "arbiter/embeddings/task-classifier.json";
    static final int VERSION = 1;

    private final List<TaskType> classes;
    private final float[][] weights;
    private final float[] bias;
    private final Slice slice;
    private final String provenance;

    /** How much of a prompt the encoder read in training (and so must read in use): head and tail characters. */
    public record Slice(int head, int tail) {
    }

    TaskClassifier(List<TaskType> classes, float[][] weights, float[] bias, Slice slice, String provenance) {
        if (classes.size() < 2 || weights.length != classes.size() || bias.length != classes.size()) {
            throw new IllegalArgumentException("need >= 2 classes with one weight row and bias each");
        }
        for (float[] row : weights) {
            if (row.length != weights[0].length) {
                throw new IllegalArgumentException("weight rows differ in length");
            }
        }
        this.classes = List.copyOf(classes);
        this.weights = weights;
        this.bias = bias;
        this.slice = slice;
        this.provenance = provenance;
    }

    /** The classifier shipped in this module's jar. */
    public static TaskClassifier shipped() {
        try (InputStream in = TaskClassifier.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("shipped task classifier " + SHIPPED_RESOURCE + " is missing");
            }
            return fromJson(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The task types this classifier tells apart, in the order of {@link #probabilities}. */
    public List<TaskType> classes() {
        return classes;
    }

    public int dimension() {
        return weights[0].length;
    }

    public Slice slice() {
        return slice;
    }

    public String provenance() {
        return provenance;
    }

    /** P(class | embedding), in {@link #classes()} order, summing to 1. */
    public double[] probabilities(float[] embedding) {
        if (embedding.length != dimension()) {
            throw new IllegalArgumentException("expected a " + dimension() + "-d embedding, got " + embedding.length);
        }
        double[] z = new double[classes.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < z.length; k++) {
            double s = bias[k];
            float[] w = weights[k];
            for (int d = 0; d < w.length; d++) {
                s += w[d] * embedding[d];
            }
            z[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
        return z;
    }

    public byte[] toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("model", "all-minilm-l6-v2-q");
        root.put("provenance", provenance);
        root.putObject("slice").put("head", slice.head()).put("tail", slice.tail());
        ArrayNode cls = root.putArray("classes");
        classes.forEach(t -> cls.add(t.configName()));
        ArrayNode b = root.putArray("bias");
        for (float v : bias) {
            b.add(v);
        }
        ArrayNode w = root.putArray("weights");
        for (float[] row : weights) {
            ArrayNode r = w.addArray();
            for (float v : row) {
                r.add(v);
            }
        }
        try {
            return Json.MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TaskClassifier fromJson(byte[] json) {
        try {
            JsonNode root = Json.MAPPER.readTree(json);
            if (root.path("version").asInt() != VERSION) {
                throw new IllegalArgumentException("task classifier version " + root.path("version") + " is not "
                        + VERSION);
            }
            List<TaskType> classes = new ArrayList<>();
            for (JsonNode c : root.path("classes")) {
                TaskType t = TaskType.fromConfigName(c.asText());
                if (t == null) {
                    throw new IllegalArgumentException("unknown task type " + c);
                }
                classes.add(t);
            }
            float[][] weights = new float[classes.size()][];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = floats(root.path("weights").path(k));
            }
            Slice slice = new Slice(root.path("slice").path("head").asInt(), root.path("slice").path("tail").asInt());
            return new TaskClassifier(classes, weights, floats(root.path("bias")), slice,
                    root.path("provenance").asText());
        } catch (IOException e) {
            throw new IllegalArgumentException("bad task classifier JSON: " + e.getMessage(), e);
        }
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
