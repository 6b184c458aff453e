package dev.arbiter.core.routing.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.routing.TaskType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes the quality profile JSON (format "arbiter-quality-profile", {@link QualityProfile#VERSION}):
 * the difficulty weights are one base64 string of little-endian float32 values, everything else plain JSON in a
 * fixed key order so equal profiles are equal bytes. Any problem reading is a one-line {@link QualityInputException}.
 */
final class ProfileJson {
    static final String FORMAT = "arbiter-quality-profile";
    static final String WEIGHT_ENCODING = "float32-le-base64";

    private ProfileJson() {
    }

    static byte[] write(QualityProfile profile) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("version", QualityProfile.VERSION);
        FeatureHasher.Params h = profile.hasher().params();
        root.putObject("hashing").put("bits", h.bits()).put("seed", h.seed()).put("maxTokens", h.maxTokens())
                .put("ngrams", 2);
        DenseFeatures.NAMES.forEach(root.putArray("dense")::add);
        QualityProfile.FACTORS.forEach(t -> root.withArray("factors").add(t.configName()));
        float[] w = profile.weights();
        root.putObject("difficulty").put("encoding", WEIGHT_ENCODING).put("length", w.length).put("weights", encode(w));
        root.putObject("calibration").put("taskSpread", profile.taskSpread()).put("guessFloor", profile.guessFloor());
        root.set("prior", ability(profile.populationPrior()));
        ObjectNode models = root.putObject("models");
        profile.abilities().forEach((name, a) -> models.set(name, ability(a)));
        root.set("metadata", MetadataJson.write(profile.metadata()));
        return (Json.text(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static QualityProfile read(byte[] bytes, String label) {
        JsonNode root;
        try {
            root = Json.parse(bytes);
        } catch (RuntimeException e) {
            throw new QualityInputException("malformed profile " + label + ": " + Json.syntaxProblem(e));
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new QualityInputException(label + " is not a quality profile (no \"format\": \"" + FORMAT + "\")");
        }
        int version = root.path("version").asInt(-1);
        if (version != QualityProfile.VERSION) {
            throw new QualityInputException("unsupported quality profile version " + root.path("version")
                    + " in " + label + " (this Arbiter reads version " + QualityProfile.VERSION + ")");
        }
        try {
            return parse(root, label);
        } catch (QualityInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new QualityInputException("malformed profile " + label + ": " + e.getMessage());
        }
    }

    private static QualityProfile parse(JsonNode root, String label) {
        JsonNode h = root.path("hashing");
        FeatureHasher.Params hashing = new FeatureHasher.Params(h.path("bits").asInt(), h.path("seed").asInt(),
                h.path("maxTokens").asInt());
        requireSame(strings(root.path("dense")), DenseFeatures.NAMES, "dense feature layout", label);
        requireSame(strings(root.path("factors")), QualityProfile.FACTORS.stream().map(TaskType::configName).toList(),
                "ability factors", label);
        JsonNode d = root.path("difficulty");
        if (!WEIGHT_ENCODING.equals(d.path("encoding").asText())) {
            throw new QualityInputException("unknown weight encoding " + d.path("encoding") + " in " + label);
        }
        float[] weights = decode(d.path("weights").asText(), d.path("length").asInt());
        Map<String, ModelAbility> models = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("models").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            models.put(e.getKey(), ability(e.getValue(), e.getKey()));
        }
        return new QualityProfile(hashing, weights, ability(root.path("prior"), "prior"), models,
                MetadataJson.read(root.path("metadata")), root.path("calibration").path("taskSpread").asDouble(0),
                root.path("calibration").path("guessFloor").asBoolean(false));
    }

    private static void requireSame(List<String> found, List<String> expected, String what, String label) {
        if (!found.equals(expected)) {
            throw new QualityInputException(label + " was trained with a different " + what
                    + "; retrain it with this Arbiter version");
        }
    }

    private static ObjectNode ability(ModelAbility a) {
        ObjectNode node = Json.object();
        node.put("bias", a.bias());
        ArrayNode abilities = node.putArray("abilities");
        for (float v : a.abilities()) {
            abilities.add(v);
        }
        node.put("slope", a.slope());
        node.put("rows", a.rows());
        return node;
    }

    private static ModelAbility ability(JsonNode node, String name) {
        JsonNode abilities = node.path("abilities");
        if (!node.path("bias").isNumber() || !abilities.isArray() || abilities.size() != QualityProfile.FACTORS.size()) {
            throw new QualityInputException("model \"" + name + "\" needs a numeric bias and "
                    + QualityProfile.FACTORS.size() + " abilities");
        }
        float[] a = new float[abilities.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) abilities.get(i).asDouble();
        }
        return new ModelAbility((float) node.path("bias").asDouble(), a, (float) node.path("slope").asDouble(0),
                node.path("rows").asInt());
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String encode(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    static float[] decode(String base64, int length) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length != length * 4L) {
            throw new QualityInputException("difficulty weights hold " + bytes.length / 4 + " values, expected " + length);
        }
        float[] values = new float[length];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
